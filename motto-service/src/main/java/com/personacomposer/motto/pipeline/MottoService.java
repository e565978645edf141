package com.personacomposer.motto.pipeline;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.MottoGenerated;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.kit.cancel.CanceledRequests;
import com.personacomposer.kit.kafka.EventPublisher;
import com.personacomposer.kit.observability.ProviderCalls;
import com.personacomposer.kit.reason.PublicReasons;
import com.personacomposer.kit.request.RequestDeadline;
import com.personacomposer.motto.compose.MottoComposer;
import com.personacomposer.motto.compose.MottoRefusedException;
import com.personacomposer.motto.compose.MottoRequest;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Writes the motto of a requested persona and publishes it. A redelivered request is simply composed again: the
 * assembly downstream is keyed by requestId, so a second MottoGenerated for it changes nothing.
 */
@Service
@RequiredArgsConstructor
public class MottoService {

    private static final Logger log = LoggerFactory.getLogger(MottoService.class);

    private final MottoComposer composer;
    private final EventPublisher publisher;
    private final ProviderCalls calls;
    private final RequestDeadline deadline;
    private final CanceledRequests canceled;

    /**
     * A canceled request is skipped (nothing composed, nothing published); a request past its deadline is failed
     * without composing. Any exception but a refusal propagates, so the record is retried and then dead-lettered.
     */
    public void onPersonaRequested(PersonaRequested requested) {
        if (canceled.isCanceled(requested.requestId())) {
            log.info("request {} was canceled: no motto composed", requested.requestId());
            return;
        }
        if (deadline.failIfExpired(requested)) {
            return;
        }
        MottoRequest request = new MottoRequest(requested.personaKey(), requested.personaName(),
                requested.description(), requested.mottoTone());
        String motto;
        Timer.Sample call = calls.start();
        try {
            motto = composer.compose(request);
            Duration took = calls.stop(call, composer.metricName(), ProviderCalls.Outcome.SUCCESS);
            log.info("request {}: {} motto ready in {} ms", requested.requestId(), composer.provider(),
                    took.toMillis());
        } catch (MottoRefusedException refused) {
            calls.stop(call, composer.metricName(), ProviderCalls.Outcome.REFUSED);
            log.info("motto for request {} refused by {}: {}", requested.requestId(), composer.provider(),
                    refused.getMessage());
            publisher.publish(PersonaFailed.of(requested.requestId(), requested.personaKey(), FailureStage.MOTTO,
                    PublicReasons.scrub(refused.getMessage())));
            return;
        } catch (RuntimeException failure) {
            calls.stop(call, composer.metricName(), ProviderCalls.Outcome.FAILED);
            throw failure;
        }
        publisher.publish(MottoGenerated.of(requested.requestId(), requested.personaKey(), motto,
                composer.provider()));
    }
}
