package com.personacomposer.persona.assembly;

import com.personacomposer.events.FailureStage;
import com.personacomposer.persona.images.ImageObjects;
import com.personacomposer.persona.images.PersonaImage;
import com.personacomposer.persona.outbox.OwedEffects;
import com.personacomposer.persona.outbox.OwedEvents;
import com.personacomposer.persona.personas.PersonaStore;
import com.personacomposer.persona.personas.SlugTakenException;
import com.personacomposer.persona.requests.Outbox;
import com.personacomposer.persona.requests.OwedEvent;
import com.personacomposer.persona.requests.PersonaRequest;
import com.personacomposer.persona.requests.RequestDetails;
import com.personacomposer.persona.requests.RequestMetrics;
import com.personacomposer.persona.requests.RequestStore;
import com.personacomposer.persona.requests.StoredImage;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a finish announces, brought about before its event is published: a completed request's image appended to its
 * persona (only after the request was claimed COMPLETED, so a canceled request never adds one), a canceled request's
 * stored image deleted from the bucket.
 */
@Component
@RequiredArgsConstructor
public class FinishEffects implements OwedEffects {

    private static final Logger log = LoggerFactory.getLogger(FinishEffects.class);

    private final RequestStore requests;
    private final PersonaStore personas;
    private final ImageObjects imageObjects;
    private final OwedEvents owedEvents;
    private final RequestMetrics metrics;
    private final Clock clock;

    @Override
    public boolean apply(PersonaRequest request, OwedEvent owed) {
        return switch (owed) {
            case PERSONA_COMPLETED -> appendImage(request);
            case PERSONA_CANCELED -> {
                deleteStoredImage(request);
                yield true;
            }
            case PERSONA_REQUESTED, PERSONA_FAILED -> true;
        };
    }

    /** Deletes the objects of the image stored for a request that will not use it (deleting nothing succeeds). */
    void deleteStoredImage(PersonaRequest request) {
        if (request.image() != null) {
            imageObjects.delete(request.image().s3Key(), request.image().thumbnailKey());
            log.info("request {} was canceled: deleted its stored image {}", request.requestId(),
                    request.image().s3Key());
        }
    }

    /**
     * Appends the completed request's image (again changes nothing). A slug held by another persona fails the
     * request instead, while its completion is unpublished: false then, its PersonaFailed published instead.
     */
    private boolean appendImage(PersonaRequest request) {
        RequestDetails details = request.details();
        try {
            personas.append(details.personaKey(), details.slug(), details.personaName(), imageOf(request));
            return true;
        } catch (SlugTakenException e) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            requests.failCompletion(request.requestId(), FailureStage.STORAGE.id(), e.getMessage(), now,
                    new Outbox(OwedEvent.PERSONA_FAILED, owedEvents.dueFromNow())).ifPresent(failed -> {
                        metrics.failed(details, FailureStage.STORAGE.id());
                        owedEvents.publish(failed, OwedEvent.PERSONA_FAILED);
                    });
            return false;
        }
    }

    /** The persona image a completed request makes, dated when it completed (the same on every attempt). */
    private static PersonaImage imageOf(PersonaRequest request) {
        RequestDetails details = request.details();
        StoredImage image = request.image();
        return PersonaImage.first(request.imageId(), request.requestId(), image.s3Key(), image.contentType(),
                image.thumbnailKey(), image.thumbnailContentType(), image.model().id(), details.description(),
                details.mottoTone().id(), request.motto(), image.revisedPrompt(), request.updatedAt(),
                details.createdBy(), details.createdByName());
    }
}
