package com.personacomposer.persona.assembly;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageSkipped;
import com.personacomposer.events.ImageStored;
import com.personacomposer.events.MottoGenerated;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.WebhookDeliveryUpdated;
import com.personacomposer.persona.images.ImageObjects;
import com.personacomposer.persona.outbox.OwedEvents;
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
import com.personacomposer.persona.requests.WebhookDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Assembles each request from its parts: records it, takes the image and the motto in any order and any number of
 * times, and once both are there completes the request and appends the image to the persona, exactly once. A cancel
 * and a completion race by one conditional update each on the request (PENDING -> CANCELED or COMPLETED): the image
 * is appended only after the completion won, and the image of a canceled request is deleted, whenever it arrives.
 */
@Service
@RequiredArgsConstructor
public class RequestService {

    private static final Logger log = LoggerFactory.getLogger(RequestService.class);

    private final RequestStore requests;
    private final OwedEvents owedEvents;
    private final RequestMetrics metrics;
    private final Quotas quotas;
    private final ImageObjects imageObjects;
    private final Clock clock;

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
        PersonaRequest request = requests.find(requestId).orElseThrow();
        return completeIfReady(request) ? requests.find(requestId).orElseThrow() : request;
    }

    /**
     * PersonaRequested read back from its topic: recorded if it was not, and no longer owed. A request that owes it
     * was recorded by the intake call: settling it, in one update, is then all there is to do (and completing it,
     * should its parts have come first).
     */
    public void requested(PersonaRequested event) {
        String requestId = event.requestId().toString();
        Optional<PersonaRequest> settled = requests.settleOutbox(requestId, OwedEvent.PERSONA_REQUESTED);
        if (settled.isPresent()) {
            completeIfReady(settled.get());
            return;
        }
        recordIfAbsent(requestId, RequestDetails.of(event), null);
        completeIfReady(requests.find(requestId).orElseThrow());
        requests.settleOutbox(requestId, OwedEvent.PERSONA_REQUESTED);
    }

    /** An image stored for a request canceled meanwhile is deleted: nothing of a canceled request stays stored. */
    public void imageStored(ImageStored event) {
        requests.setImage(event.requestId().toString(), event.personaKey(), StoredImage.of(event), now())
                .ifPresentOrElse(this::completeIfReady, () -> {
                    if (statusOf(event.requestId()) == RequestStatus.CANCELED) {
                        imageObjects.delete(event.s3Key(), event.thumbnailKey());
                        log.info("request {} was canceled: deleted its late image {}", event.requestId(),
                                event.s3Key());
                    } else {
                        ignoredLate(event.requestId(), "image");
                    }
                });
    }

    public void mottoGenerated(MottoGenerated event) {
        requests.setMotto(event.requestId().toString(), event.personaKey(), event.motto(), now())
                .ifPresentOrElse(this::completeIfReady, () -> ignoredLate(event.requestId(), "motto"));
    }

    /**
     * A stage's failure fails the request if it is still PENDING. A request with a webhook then owes its own
     * PersonaFailed, which carries the webhook target (the stages know none); when that event comes back here the
     * request is FAILED already and nothing happens.
     */
    public void failed(PersonaFailed event) {
        String requestId = event.requestId().toString();
        boolean hasWebhook = requests.find(requestId)
                .map(request -> request.details() != null && request.details().webhookTarget() != null)
                .orElse(false);
        Outbox owed = hasWebhook ? new Outbox(OwedEvent.PERSONA_FAILED, owedEvents.dueFromNow()) : null;
        requests.fail(requestId, event.personaKey(), event.stage().id(), Stage.of(event.stage()).orElse(null),
                        event.reason(), now(), owed)
                .ifPresentOrElse(failed -> {
                    metrics.failed(failed.details(), event.stage().id());
                    log.info("request {} failed at {}: {}", event.requestId(), event.stage().id(), event.reason());
                    if (owed != null) {
                        owedEvents.publish(failed, OwedEvent.PERSONA_FAILED);
                    }
                }, () -> ignoredLate(event.requestId(), "failure"));
        giveBackIfUncharged(event);
    }

    /**
     * Cancels the request if it is still PENDING, owing PersonaCanceled (published with the deletion of an image
     * stored for it); the request as it then stands: CANCELED, or the finish that came first.
     */
    public PersonaRequest cancel(String requestId) {
        requests.cancel(requestId, now(), new Outbox(OwedEvent.PERSONA_CANCELED, owedEvents.dueFromNow()))
                .ifPresent(canceled -> {
                    metrics.canceled(canceled.details());
                    log.info("request {} canceled", requestId);
                    owedEvents.publish(canceled, OwedEvent.PERSONA_CANCELED);
                });
        return requests.find(requestId).orElseThrow();
    }

    /** image-service dropped a canceled request before any paid call: its quota unit comes back (once). */
    public void imageSkipped(ImageSkipped event) {
        if (statusOf(event.requestId()) == RequestStatus.CANCELED) {
            quotas.giveBack(event.requestId().toString());
            log.info("request {}: image skipped ({}), quota unit given back", event.requestId(), event.reason());
        }
    }

    /** Where the webhook delivery of the request's finish stands, kept unless a newer word is there. */
    public void webhookUpdated(WebhookDeliveryUpdated event) {
        requests.recordDelivery(event.requestId().toString(), WebhookDelivery.of(event));
    }

    private RequestStatus statusOf(UUID requestId) {
        return requests.find(requestId.toString()).map(PersonaRequest::status).orElse(null);
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

    /**
     * Completes the request when both parts are there: first the claim (PENDING -> COMPLETED, owing PersonaCompleted),
     * then the image is appended to the persona as the completion is published ({@link FinishEffects}; the outbox
     * sweep does it again after a crash). A cancel that won the claim leaves the persona untouched. Whether both
     * parts were there (the request may have changed then).
     */
    private boolean completeIfReady(PersonaRequest request) {
        if (!request.readyToComplete()) {
            return false;
        }
        RequestDetails details = request.details();
        Instant now = now();
        requests.complete(request.requestId(), now, new Outbox(OwedEvent.PERSONA_COMPLETED, owedEvents.dueFromNow()))
                .ifPresent(completed -> {
                    metrics.completed(details, Duration.between(request.createdAt(), now));
                    log.info("request {} completed: image {} of persona {}", request.requestId(), request.imageId(),
                            details.slug());
                    owedEvents.publish(completed, OwedEvent.PERSONA_COMPLETED);
                });
        return true;
    }

    private Instant now() {
        // BSON dates keep milliseconds; so do the answers built from what was written.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
