package com.personacomposer.image.generation;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageGenerated;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.ImageSkipped;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.image.ImageProperties;
import com.personacomposer.image.provider.GeneratedImage;
import com.personacomposer.image.provider.GenerationCanceledException;
import com.personacomposer.image.provider.ImagePrompt;
import com.personacomposer.image.provider.ImageProvider;
import com.personacomposer.image.store.GeneratedImageStore;
import com.personacomposer.image.store.UnusableImageException;
import com.personacomposer.kit.cancel.CanceledRequests;
import com.personacomposer.kit.kafka.EventPublisher;
import com.personacomposer.kit.provider.ProviderException;
import com.personacomposer.kit.provider.ProviderRejectedException;
import com.personacomposer.kit.observability.ProviderCalls;
import com.personacomposer.kit.reason.PublicReasons;
import com.personacomposer.kit.request.RequestDeadline;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns a PersonaRequested into an ImageGenerated, or into a PersonaFailed when the request is past its deadline,
 * the chosen model is not configured or its provider gives up. Each request is generated at most once while it is
 * remembered. A canceled request calls no provider it has not called yet: canceled before its image was started, it
 * is skipped (ImageSkipped, so its quota unit comes back); canceled while a provider works on it, a Replicate
 * prediction is cancelled and any finished image dropped, publishing nothing (the paid call was made).
 */
@Service
public class ImageGenerationService {

    private static final Logger log = LoggerFactory.getLogger(ImageGenerationService.class);

    private final ModelCatalog catalog;
    private final GeneratedImageStore store;
    private final EventPublisher publisher;
    private final ImageProperties properties;
    private final ProviderCalls calls;
    private final RecentRequests recent;
    private final RequestDeadline deadline;
    private final CanceledRequests canceled;

    ImageGenerationService(ModelCatalog catalog, GeneratedImageStore store, EventPublisher publisher,
                           ImageProperties properties, ProviderCalls calls, RequestDeadline deadline,
                           CanceledRequests canceled) {
        this.catalog = catalog;
        this.store = store;
        this.publisher = publisher;
        this.properties = properties;
        this.calls = calls;
        this.deadline = deadline;
        this.canceled = canceled;
        this.recent = new RecentRequests(properties.generated().ttl(), Clock.systemUTC());
    }

    /** Generates (or recalls) the request's image and publishes the outcome; returns once the broker has it. */
    public void onPersonaRequested(PersonaRequested request) {
        // A canceled request is finished already: it is skipped (its unit comes back), not timed out.
        if (!canceled.isCanceled(request.requestId()) && deadline.failIfExpired(request)) {
            return;
        }
        RecentRequests.Outcome outcome = recent.outcome(request.requestId(), () -> generate(request));
        if (outcome.event() == null) {
            return; // canceled while its provider worked: nothing to announce
        }
        if (outcome.repeated()) {
            log.info("request {} was already handled: publishing its {} again", request.requestId(),
                    outcome.event().eventType());
        }
        publisher.publish(outcome.event());
    }

    /** The outcome to publish; null when the request was canceled while its provider worked on it. */
    private PersonaEvent generate(PersonaRequested request) {
        if (canceled.isCanceled(request.requestId())) {
            log.info("request {} was canceled before its image was started: skipped", request.requestId());
            return ImageSkipped.canceled(request.requestId(), request.personaKey());
        }
        ImageModel model = request.model();
        Optional<ImageProvider> provider = catalog.provider(model);
        if (provider.isEmpty()) {
            return failed(request, model.id() + " is not configured: " + catalog.missing(model).orElse("unknown"));
        }
        String name = provider.get().name();
        Timer.Sample call = calls.start();
        try {
            GeneratedImage image = provider.get().generate(ImagePrompt.of(request),
                    () -> canceled.isCanceled(request.requestId()));
            if (canceled.isCanceled(request.requestId())) {
                calls.stop(call, name, ProviderCalls.Outcome.CANCELED);
                log.info("request {} was canceled while {} made its image: dropped", request.requestId(), name);
                return null;
            }
            String url = switch (image) {
                case GeneratedImage.Hosted(URI hosted, _) -> hosted.toString();
                case GeneratedImage.Inline(byte[] bytes, _) -> properties.generatedUrl(store.put(bytes));
            };
            Duration took = calls.stop(call, name, ProviderCalls.Outcome.SUCCESS);
            log.info("request {}: {} image ready in {} ms", request.requestId(), model.id(), took.toMillis());
            return ImageGenerated.of(request.requestId(), request.personaKey(), model, url, image.revisedPrompt());
        } catch (GenerationCanceledException e) {
            calls.stop(call, name, ProviderCalls.Outcome.CANCELED);
            log.info("request {}: {}", request.requestId(), e.getMessage());
            return null;
        } catch (ProviderException e) {
            calls.stop(call, name, e instanceof ProviderRejectedException
                    ? ProviderCalls.Outcome.REFUSED : ProviderCalls.Outcome.FAILED);
            return failed(request, e.getMessage());
        } catch (UnusableImageException e) {
            calls.stop(call, name, ProviderCalls.Outcome.FAILED);
            return failed(request, model.displayName() + " returned an unusable image: " + e.getMessage());
        }
    }

    private static PersonaFailed failed(PersonaRequested request, String reason) {
        log.warn("request {}: image generation failed: {}", request.requestId(), reason);
        return PersonaFailed.of(request.requestId(), request.personaKey(), FailureStage.IMAGE,
                PublicReasons.scrub(reason));
    }
}
