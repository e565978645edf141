package com.personacomposer.persona.assembly;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageStored;
import com.personacomposer.events.MottoGenerated;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.persona.images.PersonaImage;
import com.personacomposer.persona.outbox.OwedEvents;
import com.personacomposer.persona.personas.PersonaStore;
import com.personacomposer.persona.personas.SlugTakenException;
import com.personacomposer.persona.quota.Quotas;
import com.personacomposer.persona.requests.Outbox;
import com.personacomposer.persona.requests.OwedEvent;
import com.personacomposer.persona.requests.PersonaRequest;
import com.personacomposer.persona.requests.RequestDetails;
import com.personacomposer.persona.requests.RequestMetrics;
import com.personacomposer.persona.requests.RequestStatus;
import com.personacomposer.persona.requests.RequestStore;
import com.personacomposer.persona.requests.Stage;
import com.personacomposer.persona.requests.StoredImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Assembles each request from its parts: records it, takes the image and the motto in any order and any number of
 * times, and once both are there appends the image to the persona and completes the request, exactly once.
 */
@Service
public class RequestService {

    private static final Logger log = LoggerFactory.getLogger(RequestService.class);

    private final RequestStore requests;
    private final PersonaStore personas;
    private final OwedEvents owedEvents;
    private final RequestMetrics metrics;
    private final Quotas quotas;
    private final Clock clock;

    public RequestService(RequestStore requests, PersonaStore personas, OwedEvents owedEvents, RequestMetrics metrics,
                          Quotas quotas, Clock clock) {
        this.requests = requests;
        this.personas = personas;
        this.owedEvents = owedEvents;
        this.metrics = metrics;
        this.quotas = quotas;
        this.clock = clock;
    }

    public Optional<PersonaRequest> find(UUID requestId) {
        return requests.find(requestId.toString());
    }

    /**
     * Records a request of the gateway's intake call as PENDING unless it is recorded already (a document made
     * earlier by a part only gets the request's fields), owing PersonaRequested until this service reads it back
     * from its topic; true when this call recorded it.
     */
    public boolean record(String requestId, RequestDetails details) {
        return recordIfAbsent(requestId, details, new Outbox(OwedEvent.PERSONA_REQUESTED, owedEvents.dueFromNow()));
    }

    /** As {@link #record}; {@code outbox}: the event a request this call inserts owes (null: none). */
    private boolean recordIfAbsent(String requestId, RequestDetails details, Outbox outbox) {
        boolean created = requests.recordIfAbsent(requestId, details, now(), outbox);
        if (created) {
            metrics.accepted(details);
        }
        return created;
    }

    /** The recorded request as it stands, completed first if its parts arrived before it was recorded. */
    public PersonaRequest completeIfReady(String requestId) {
        return completeIfReady(requests.find(requestId).orElseThrow());
    }

    /** PersonaRequested read back from its topic: recorded if it was not, and no longer owed. */
    public void requested(PersonaRequested event) {
        String requestId = event.requestId().toString();
        recordIfAbsent(requestId, RequestDetails.of(event), null);
        completeIfReady(requestId);
        requests.settleOutbox(requestId, OwedEvent.PERSONA_REQUESTED);
    }

    public void imageStored(ImageStored event) {
        requests.setImage(event.requestId().toString(), event.personaKey(), StoredImage.of(event), now())
                .ifPresentOrElse(this::completeIfReady, () -> ignoredLate(event.requestId(), "image"));
    }

    public void mottoGenerated(MottoGenerated event) {
        requests.setMotto(event.requestId().toString(), event.personaKey(), event.motto(), now())
                .ifPresentOrElse(this::completeIfReady, () -> ignoredLate(event.requestId(), "motto"));
    }

    public void failed(PersonaFailed event) {
        requests.fail(event.requestId().toString(), event.personaKey(), event.stage().id(),
                        Stage.of(event.stage()).orElse(null), event.reason(), now(), null)
                .ifPresentOrElse(failed -> {
                    metrics.failed(failed.details(), event.stage().id());
                    log.info("request {} failed at {}: {}", event.requestId(), event.stage().id(), event.reason());
                }, () -> ignoredLate(event.requestId(), "failure"));
        giveBackIfUncharged(event);
    }

    /**
     * A request that failed before it had an image gives its quota unit back: the image providers bill the images
     * they make, so a refused or failed generation (stage image) or a request that timed out without an image (a
     * backlog failed before any provider call, a provider that never answered) cost nothing, or at least gave the
     * caller nothing. Failures once the image exists (storage, motto) keep the unit. Redelivered failures give
     * nothing more: the quota remembers what it gave back.
     */
    private void giveBackIfUncharged(PersonaFailed event) {
        if (event.stage() != FailureStage.IMAGE && event.stage() != FailureStage.TIMEOUT) {
            return;
        }
        requests.find(event.requestId().toString())
                .filter(request -> request.status() == RequestStatus.FAILED && request.image() == null)
                .ifPresent(request -> quotas.giveBack(request.requestId()));
    }

    private void ignoredLate(UUID requestId, String what) {
        log.debug("request {} is already final; ignored its {}", requestId, what);
    }

    /** Appends the image and completes the request when both parts are there; the request as it then stands. */
    private PersonaRequest completeIfReady(PersonaRequest request) {
        if (!request.readyToComplete()) {
            return request;
        }
        RequestDetails details = request.details();
        Instant now = now();
        try {
            personas.append(details.personaKey(), details.slug(), details.personaName(), imageOf(request, now));
        } catch (SlugTakenException e) {
            requests.fail(request.requestId(), details.personaKey(), FailureStage.STORAGE.id(), null,
                    e.getMessage(), now, new Outbox(OwedEvent.PERSONA_FAILED, owedEvents.dueFromNow())).ifPresent(failed -> {
                        metrics.failed(details, FailureStage.STORAGE.id());
                        owedEvents.publish(failed, OwedEvent.PERSONA_FAILED);
                    });
            return requests.find(request.requestId()).orElseThrow();
        }
        if (requests.complete(request.requestId(), now, new Outbox(OwedEvent.PERSONA_COMPLETED, owedEvents.dueFromNow()))) {
            metrics.completed(details, Duration.between(request.createdAt(), now));
            log.info("request {} completed: image {} of persona {}", request.requestId(), request.imageId(),
                    details.slug());
            owedEvents.publish(requests.find(request.requestId()).orElseThrow(), OwedEvent.PERSONA_COMPLETED);
        }
        return requests.find(request.requestId()).orElseThrow();
    }

    private static PersonaImage imageOf(PersonaRequest request, Instant now) {
        RequestDetails details = request.details();
        StoredImage image = request.image();
        return PersonaImage.first(request.imageId(), request.requestId(), image.s3Key(), image.contentType(),
                image.thumbnailKey(), image.thumbnailContentType(), image.model().id(), details.description(),
                details.mottoTone().id(), request.motto(), image.revisedPrompt(), now, details.createdBy(),
                details.createdByName());
    }

    private Instant now() {
        // BSON dates keep milliseconds; so do the answers built from what was written.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
