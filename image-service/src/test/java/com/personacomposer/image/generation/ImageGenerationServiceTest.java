package com.personacomposer.image.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeast;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageGenerated;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.ImageSkipped;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.image.ImageProperties;
import com.personacomposer.image.provider.GeneratedImage;
import com.personacomposer.image.provider.ImageGenerationException;
import com.personacomposer.image.provider.ImageProvider;
import com.personacomposer.image.provider.local.LocalRenderer;
import com.personacomposer.image.store.GeneratedImageStore;
import com.personacomposer.kit.cancel.CanceledRequests;
import com.personacomposer.kit.kafka.EventPublisher;
import com.personacomposer.kit.observability.ProviderCalls;
import com.personacomposer.kit.provider.ProviderRejectedException;
import com.personacomposer.kit.request.RequestDeadline;
import com.personacomposer.kit.request.RequestDeadlineProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.util.unit.DataSize;

class ImageGenerationServiceTest {

    private static final ImageProperties PROPERTIES = new ImageProperties(URI.create("http://images.test:8082"),
            ImageModel.LOCAL, "${name} ${description}",
            new ImageProperties.Generated(Duration.ofMinutes(10), 100, DataSize.ofMegabytes(16)));

    private final EventPublisher publisher = mock(EventPublisher.class);
    private final GeneratedImageStore store = new GeneratedImageStore(PROPERTIES, new SimpleMeterRegistry());
    private final FakeProvider remote = new FakeProvider();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CanceledRequests canceled = new CanceledRequests(Duration.ofMinutes(5), Clock.systemUTC());

    @Test
    void aRequestCanceledBeforeItsImageWasStartedCallsNoProviderAndIsSkipped() {
        PersonaRequested request = request(ImageModel.DALL_E);
        canceled.heard(PersonaCanceled.of(request.requestId(), request.personaKey(), null));

        service(remote).onPersonaRequested(request);

        assertThat(remote.calls).isZero();
        assertThat(published()).singleElement().isInstanceOfSatisfying(ImageSkipped.class, skipped -> {
            assertThat(skipped.requestId()).isEqualTo(request.requestId());
            assertThat(skipped.reason()).isEqualTo(ImageSkipped.CANCELED);
        });
    }

    @Test
    void aCanceledRequestPastItsDeadlineIsSkippedRatherThanTimedOut() {
        PersonaRequested fresh = request(ImageModel.DALL_E);
        PersonaRequested stale = new PersonaRequested(fresh.eventId(), fresh.occurredAt().minus(Duration.ofMinutes(6)),
                fresh.requestId(), fresh.personaKey(), fresh.personaName(), fresh.slug(), fresh.description(),
                fresh.mottoTone(), fresh.model());
        canceled.heard(PersonaCanceled.of(stale.requestId(), stale.personaKey(), null));

        service(remote).onPersonaRequested(stale);

        assertThat(remote.calls).isZero();
        assertThat(published()).singleElement().isInstanceOf(ImageSkipped.class);
    }

    @Test
    void anImageFinishedAfterItsRequestWasCanceledIsDroppedAndNothingIsPublished() {
        PersonaRequested request = request(ImageModel.DALL_E);
        remote.answer = prompt -> {
            canceled.heard(PersonaCanceled.of(request.requestId(), request.personaKey(), null));
            return new GeneratedImage.Hosted(URI.create("https://example.test/a.png"), null);
        };

        service(remote).onPersonaRequested(request);

        assertThat(remote.calls).isEqualTo(1);
        verify(publisher, never()).publish(any());
        assertThat(providerCalls("openai-images", "canceled")).isEqualTo(1);
    }

    @Test
    void aLocalImageIsServedFromTheStoreAndAnnounced() {
        ImageGenerationService service = service(local());
        PersonaRequested request = request(ImageModel.LOCAL);

        service.onPersonaRequested(request);

        ImageGenerated event = (ImageGenerated) published().get(0);
        assertThat(event.requestId()).isEqualTo(request.requestId());
        assertThat(event.personaKey()).isEqualTo("ada lovelace");
        assertThat(event.model()).isEqualTo(ImageModel.LOCAL);
        assertThat(event.revisedPrompt()).isNull();
        assertThat(event.imageUrl()).startsWith("http://images.test:8082/generated/");
        String token = event.imageUrl().substring(event.imageUrl().lastIndexOf('/') + 1);
        assertThat(store.get(token)).hasValueSatisfying(image -> assertThat(image.contentType()).isEqualTo("image/png"));
        assertThat(providerCalls("local", "success")).isEqualTo(1);
    }

    @Test
    void anUnconfiguredModelFailsTheRequestWithWhatIsMissing() {
        ImageGenerationService service = service(local(),
                new FakeProvider(ImageModel.DALL_E, false, "set OPENAI_API_KEY", null),
                new FakeProvider(ImageModel.OPENJOURNEY, false, "set REPLICATE_API_TOKEN", null));

        service.onPersonaRequested(request(ImageModel.DALL_E));
        service.onPersonaRequested(request(ImageModel.OPENJOURNEY));

        assertThat(published()).extracting(e -> ((PersonaFailed) e).reason()).containsExactly(
                "dall-e is not configured: set OPENAI_API_KEY",
                "openjourney is not configured: set REPLICATE_API_TOKEN");
        assertThat(published()).allSatisfy(e -> assertThat(((PersonaFailed) e).stage()).isEqualTo(FailureStage.IMAGE));
        assertThat(meters.find(ProviderCalls.METER).timers()).as("no provider was called").isEmpty();
    }

    @Test
    void aProviderThatGivesUpFailsTheRequestWithItsReason() {
        requestDallEFailingWith(new ImageGenerationException("DALL-E refused the prompt: content_policy_violation"));

        assertThat(((PersonaFailed) published().get(0)).reason())
                .isEqualTo("DALL-E refused the prompt: content_policy_violation");
        assertThat(providerCalls("openai-images", "failed")).isEqualTo(1);
    }

    @Test
    void theReasonNamesNoInternalAddress() {
        requestDallEFailingWith(new ImageGenerationException("DALL-E is unavailable: I/O error on POST request for "
                + "\"http://10.0.3.7:8080/v1/images/generations\": connect to llm-proxy.internal:8080 refused"));

        assertThat(((PersonaFailed) published().get(0)).reason()).isEqualTo("DALL-E is unavailable: I/O error on POST "
                + "request for \"[address]\": connect to [address] refused");
    }

    @Test
    void aRefusalIsCountedApartFromFailures() {
        requestDallEFailingWith(new ProviderRejectedException("DALL-E refused the prompt: content_policy_violation"));

        assertThat(published()).singleElement().isInstanceOf(PersonaFailed.class);
        assertThat(providerCalls("openai-images", "refused")).isEqualTo(1);
        assertThat(meters.find(ProviderCalls.METER).tag("outcome", "failed").timers()).isEmpty();
    }

    @Test
    void aHostedImageIsAnnouncedAtTheProvidersUrlWithItsRevisedPrompt() {
        remote.answer = prompt -> new GeneratedImage.Hosted(URI.create("https://oaidalleapiprodscus.blob.core.windows.net/x.png"),
                "a revised prompt");
        ImageGenerationService service = service(local(), remote);

        service.onPersonaRequested(request(ImageModel.DALL_E));

        ImageGenerated event = (ImageGenerated) published().get(0);
        assertThat(event.imageUrl()).isEqualTo("https://oaidalleapiprodscus.blob.core.windows.net/x.png");
        assertThat(event.revisedPrompt()).isEqualTo("a revised prompt");
    }

    @Test
    void bytesThatAreNoImageFailTheRequest() {
        remote.answer = prompt -> new GeneratedImage.Inline("<html>oops</html>".getBytes(), null);
        ImageGenerationService service = service(local(), remote);

        service.onPersonaRequested(request(ImageModel.DALL_E));

        assertThat(((PersonaFailed) published().get(0)).reason())
                .isEqualTo("DALL-E returned an unusable image: not a PNG, JPEG or WebP image");
    }

    @Test
    void aRedeliveredRequestIsAnnouncedAgainWithoutCallingTheProviderAgain() {
        remote.answer = prompt -> new GeneratedImage.Hosted(URI.create("https://example.test/a.png"), null);
        ImageGenerationService service = service(local(), remote);
        PersonaRequested request = request(ImageModel.DALL_E);

        service.onPersonaRequested(request);
        service.onPersonaRequested(request);

        assertThat(remote.calls).isEqualTo(1);
        assertThat(providerCalls("openai-images", "success")).isEqualTo(1);
        List<PersonaEvent> events = published();
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isEqualTo(events.get(0));
    }

    /** A DALL-E request whose provider call ends in {@code failure}. */
    private void requestDallEFailingWith(RuntimeException failure) {
        remote.answer = prompt -> {
            throw failure;
        };
        service(local(), remote).onPersonaRequested(request(ImageModel.DALL_E));
    }

    private ImageGenerationService service(ImageProvider... providers) {
        return new ImageGenerationService(new ModelCatalog(List.of(providers)), store, publisher, PROPERTIES,
                new ProviderCalls(meters), new RequestDeadline(new RequestDeadlineProperties(Duration.ofMinutes(5)),
                        Clock.systemUTC(), publisher), canceled);
    }

    private long providerCalls(String provider, String outcome) {
        return meters.get(ProviderCalls.METER).tags("provider", provider, "outcome", outcome).timer().count();
    }

    private List<PersonaEvent> published() {
        ArgumentCaptor<PersonaEvent> captor = ArgumentCaptor.forClass(PersonaEvent.class);
        verify(publisher, atLeast(0)).publish(captor.capture());
        return new ArrayList<>(captor.getAllValues());
    }

    private static PersonaRequested request(ImageModel model) {
        return PersonaRequested.of(UUID.randomUUID(), "ada lovelace", "Ada Lovelace", "ada-lovelace",
                "a mathematician", MottoTone.NEUTRAL, model);
    }

    private static ImageProvider local() {
        LocalRenderer renderer = new LocalRenderer();
        return new FakeProvider(ImageModel.LOCAL, true, "nothing",
                prompt -> new GeneratedImage.Inline(renderer.render(prompt), null));
    }
}
