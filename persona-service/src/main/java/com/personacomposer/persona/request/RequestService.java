package com.personacomposer.persona.request;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageStored;
import com.personacomposer.events.MottoGenerated;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.persona.persona.PersonaImage;
import com.personacomposer.persona.persona.PersonaStore;
import com.personacomposer.persona.persona.SlugTakenException;
import com.personacomposer.persona.quota.Quotas;
import com.personacomposer.persona.web.UnprocessableInputException;
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
class RequestService {

    private static final Logger log = LoggerFactory.getLogger(RequestService.class);

    private final RequestStore requests;
    private final IdempotencyKeys idempotencyKeys;
    private final PersonaStore personas;
    private final OwedEvents owedEvents;
    private final RequestProperties properties;
    private final RequestMetrics metrics;
    private final Quotas quotas;
    private final Clock clock;

    RequestService(RequestStore requests, IdempotencyKeys idempotencyKeys, PersonaStore personas,
                   OwedEvents owedEvents, RequestProperties properties, RequestMetrics metrics, Quotas quotas,
                   Clock clock) {
        this.requests = requests;
        this.idempotencyKeys = idempotencyKeys;
        this.personas = personas;
        this.owedEvents = owedEvents;
        this.properties = properties;
        this.metrics = metrics;
        this.quotas = quotas;
        this.clock = clock;
    }

    public Optional<PersonaRequest> find(UUID requestId) {
        return requests.find(requestId.toString());
    }

    /**
     * Records a request as PENDING unless it is recorded already, owing PersonaRequested until this service reads
     * it back from its topic. With an idempotency key its principal ({@code details.createdBy()}) remembered within
     * the window for another request, that request is answered instead and nothing is recorded.
     *
     * @throws UnprocessableInputException when the key stands for a request that asked for something else
     */
    public IntakeResult.Recorded record(UUID requestId, RequestDetails details, String idempotencyKey) {
        return record(requestId, details, idempotencyKey, new Outbox(OwedEvent.PERSONA_REQUESTED, owedEvents.dueFromNow()));
    }

    /**
     * The other request the caller's idempotency key already stands for within the window, if any.
     *
     * @throws UnprocessableInputException when that request asked for something else
     */
    public Optional<IntakeResult.Recorded> earlier(UUID requestId, RequestDetails details, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        String key = IdempotencyKeys.scoped(details.createdBy(), idempotencyKey);
        String fingerprint = IdempotencyKeys.fingerprint(details);
        return idempotencyKeys.requestOf(key, now().minus(properties.idempotencyWindow()))
                .filter(entry -> !entry.requestId().equals(requestId.toString()))
                .flatMap(entry -> requests.find(checked(entry, fingerprint).requestId()))
                .map(earlier -> new IntakeResult.Recorded(earlier, false));
    }

    private static IdempotencyKeys.Entry checked(IdempotencyKeys.Entry entry, String fingerprint) {
        if (!entry.sameContent(fingerprint)) {
            throw new UnprocessableInputException("Idempotency-Key",
                    "was sent before with another request body; use a new key for a new request");
        }
        return entry;
    }

    private IntakeResult.Recorded record(UUID requestId, RequestDetails details, String idempotencyKey,
                                         Outbox outbox) {
        String id = requestId.toString();
        Instant now = now();
        Instant notBefore = now.minus(properties.idempotencyWindow());
        Optional<IntakeResult.Recorded> earlier = earlier(requestId, details, idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        boolean created = requests.recordIfAbsent(id, details, now, outbox);
        if (created) {
            metrics.accepted(details);
        }
        if (idempotencyKey != null) {
            String fingerprint = IdempotencyKeys.fingerprint(details);
            String owner = idempotencyKeys.claim(IdempotencyKeys.scoped(details.createdBy(), idempotencyKey), id,
                    fingerprint, now, notBefore).requestId();
            if (!owner.equals(id)) {
                // A concurrent call with the same key won; this request was never announced, so it goes.
                if (created) {
                    requests.deleteUnstarted(id);
                }
                return earlier(requestId, details, idempotencyKey)
                        .orElseGet(() -> new IntakeResult.Recorded(requests.find(owner).orElseThrow(), false));
            }
        }
        PersonaRequest request = requests.find(id).orElseThrow();
        // Its parts may have arrived before it was recorded.
        return new IntakeResult.Recorded(completeIfReady(request), created);
    }

    /** PersonaRequested read back from its topic: recorded if it was not, and no longer owed. */
    public void requested(PersonaRequested event) {
        record(event.requestId(), RequestDetails.of(event), null, null);
        requests.settleOutbox(event.requestId().toString(), OwedEvent.PERSONA_REQUESTED);
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
