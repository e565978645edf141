package com.personacomposer.motto.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoGenerated;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.kit.kafka.EventPublisher;
import com.personacomposer.kit.observability.ProviderCalls;
import com.personacomposer.kit.request.RequestDeadline;
import com.personacomposer.kit.request.RequestDeadlineProperties;
import com.personacomposer.motto.compose.MottoComposer;
import com.personacomposer.motto.compose.MottoRefusedException;
import com.personacomposer.motto.compose.MottoRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.kit.cancel.CanceledRequests;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class MottoServiceTest {

    private final EventPublisher publisher = mock(EventPublisher.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CanceledRequests canceled = new CanceledRequests(Duration.ofMinutes(5), Clock.systemUTC());
    private final PersonaRequested requested = PersonaRequested.of(UUID.randomUUID(), "ada lovelace", "Ada Lovelace",
            "ada-lovelace", "mathematician", MottoTone.SOMBRE, ImageModel.LOCAL);

    private static MottoComposer composer(Function<MottoRequest, String> compose) {
        return new MottoComposer() {
            @Override
            public String provider() {
                return "test";
            }

            @Override
            public String compose(MottoRequest request) {
                return compose.apply(request);
            }
        };
    }

    @Test
    void givenAMottoWhenRequestedThenPublishesMottoGeneratedForTheRequest() {
        var service = service(request -> request.tone().id() + ":" + request.description());

        service.onPersonaRequested(requested);

        MottoGenerated generated = (MottoGenerated) published();
        assertThat(generated.requestId()).isEqualTo(requested.requestId());
        assertThat(generated.personaKey()).isEqualTo("ada lovelace");
        assertThat(generated.motto()).isEqualTo("sombre:mathematician");
        assertThat(generated.provider()).isEqualTo("test");
        assertThat(calls("success")).isEqualTo(1);
    }

    @Test
    void givenACanceledRequestWhenRequestedThenComposesAndPublishesNothing() {
        java.util.concurrent.atomic.AtomicInteger composed = new java.util.concurrent.atomic.AtomicInteger();
        var service = service(request -> "n" + composed.incrementAndGet());
        canceled.heard(PersonaCanceled.of(requested.requestId(), requested.personaKey(), null));

        service.onPersonaRequested(requested);

        assertThat(composed).hasValue(0);
        verify(publisher, never()).publish(any());
        assertThat(meters.find(ProviderCalls.METER).timers()).as("no provider call").isEmpty();
    }

    @Test
    void givenARefusalWhenRequestedThenPublishesPersonaFailedAtTheMottoStage() {
        var service = serviceFailingWith(new MottoRefusedException("chat model refused: content filter"));

        service.onPersonaRequested(requested);

        PersonaFailed failed = (PersonaFailed) published();
        assertThat(failed.requestId()).isEqualTo(requested.requestId());
        assertThat(failed.stage()).isEqualTo(FailureStage.MOTTO);
        assertThat(failed.reason()).isEqualTo("chat model refused: content filter");
        assertThat(calls("refused")).isEqualTo(1);
    }

    @Test
    void givenATransientFailureWhenRequestedThenThrowsSoTheRecordIsRetried() {
        var service = serviceFailingWith(new UncheckedIOException(new java.io.IOException("connection reset")));

        assertThatThrownBy(() -> service.onPersonaRequested(requested)).isInstanceOf(UncheckedIOException.class);
        verify(publisher, never()).publish(any());
        assertThat(calls("failed")).isEqualTo(1);
    }

    @Test
    void givenAReasonNamingAnAddressWhenRefusedThenThePublishedReasonHasNone() {
        var service = serviceFailingWith(
                new MottoRefusedException("chat model at http://10.0.3.9:11434/v1 refused: content filter"));

        service.onPersonaRequested(requested);

        assertThat(((PersonaFailed) published()).reason()).isEqualTo("chat model at [address] refused: content filter");
    }

    private MottoService service(Function<MottoRequest, String> compose) {
        return new MottoService(composer(compose), publisher, new ProviderCalls(meters), deadline(), canceled);
    }

    /** A service whose composer throws {@code failure}, as a provider's refusal or a broken connection does. */
    private MottoService serviceFailingWith(RuntimeException failure) {
        return service(request -> {
            throw failure;
        });
    }

    private RequestDeadline deadline() {
        return new RequestDeadline(new RequestDeadlineProperties(Duration.ofMinutes(5)), Clock.systemUTC(), publisher);
    }

    private long calls(String outcome) {
        return meters.get(ProviderCalls.METER).tags("provider", "test", "outcome", outcome).timer().count();
    }

    private PersonaEvent published() {
        ArgumentCaptor<PersonaEvent> captor = ArgumentCaptor.forClass(PersonaEvent.class);
        verify(publisher).publish(captor.capture());
        return captor.getValue();
    }
}
