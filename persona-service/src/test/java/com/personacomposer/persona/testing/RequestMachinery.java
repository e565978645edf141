package com.personacomposer.persona.testing;

import static com.personacomposer.persona.testing.Started.started;

import com.mongodb.client.MongoDatabase;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.ImageStored;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.kit.testing.MutableClock;
import com.personacomposer.persona.assembly.FinishEffects;
import com.personacomposer.persona.assembly.RequestService;
import com.personacomposer.persona.images.ImageStore;
import com.personacomposer.persona.outbox.OwedEffects;
import com.personacomposer.persona.outbox.OwedEvents;
import com.personacomposer.persona.personas.PersonaStore;
import com.personacomposer.persona.quota.QuotaProperties;
import com.personacomposer.persona.quota.Quotas;
import com.personacomposer.persona.requests.RequestMetrics;
import com.personacomposer.persona.requests.RequestProperties;
import com.personacomposer.persona.requests.RequestStore;
import com.personacomposer.persona.votes.VoteStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The request pipeline of persona-service wired by hand on one database (the devstack's Mongo server in memory),
 * with a clock the test moves and events recorded instead of sent: for the tests of the assembly and the intake.
 */
public final class RequestMachinery {

    public final MongoDatabase database;
    public final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    public final RecordingPublisher publisher = new RecordingPublisher();
    /** Deadline 5 min, sweep every 15 s, idempotency window 24 h, outbox delay 5 s, outbox sweep every second. */
    public final RequestProperties properties = new RequestProperties(Duration.ofMinutes(5), Duration.ofSeconds(15),
            Duration.ofHours(24), Duration.ofSeconds(5), Duration.ofSeconds(1));
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final RequestMetrics metrics = new RequestMetrics(meters);
    public final RequestStore store;
    public final OwedEvents owedEvents;
    public final RecordingImageObjects imageObjects = new RecordingImageObjects();
    /** Two units a day, local free. */
    public final Quotas quotas;
    public final RequestService assembly;

    public RequestMachinery(MongoDatabase database) {
        this.database = database;
        this.store = started(new RequestStore(database));
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        this.owedEvents = new OwedEvents(store, publisher, properties, clock, beans.getBeanProvider(OwedEffects.class));
        beans.addBean("finishEffects", new FinishEffects(store, started(new PersonaStore(database,
                started(new ImageStore(database)), started(new VoteStore(database)))), imageObjects, owedEvents,
                metrics, clock));
        this.quotas = started(new Quotas(database, new QuotaProperties(2, 1000, Set.of("local")), meters, clock));
        this.assembly = new RequestService(store, owedEvents, metrics, quotas, imageObjects, clock);
    }

    /** A request for the dall-e model, as the gateway would publish it. */
    public static PersonaRequested requested(String rawName, String description, MottoTone tone) {
        PersonaName name = PersonaName.of(rawName);
        return PersonaRequested.of(UUID.randomUUID(), name.key(), name.displayName(), name.slug(), description, tone,
                ImageModel.DALL_E);
    }

    /** The request's image, as storage-service would announce it. */
    public static ImageStored imageStored(PersonaRequested requested) {
        String key = "persona-generations/abc/" + requested.requestId();
        return ImageStored.of(requested.requestId(), requested.personaKey(), ImageModel.DALL_E, key + ".png",
                "image/png", 1234, "a revised prompt", key + ".small.jpg", "image/jpeg");
    }
}
