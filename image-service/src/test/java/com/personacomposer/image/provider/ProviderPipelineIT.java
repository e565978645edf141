package com.personacomposer.image.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.EventCodec;
import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageGenerated;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.image.testing.PipelineClient;
import com.personacomposer.image.testing.ServiceHttp;
import com.personacomposer.image.generation.ImageGenerationService;
import com.personacomposer.image.provider.local.LocalRenderer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Paid providers end to end: what the service publishes, serves, logs and measures. */
@ExtendWith(OutputCaptureExtension.class)
class ProviderPipelineIT extends ProviderStubs {

    @RegisterExtension
    static final PipelineClient pipeline = new PipelineClient();

    @Autowired
    ImageGenerationService service;

    @LocalServerPort
    int port;

    @Test
    void base64ImagesAreServedFromImageServicesOwnShortLivedUrl() throws Exception {
        byte[] png = new LocalRenderer().render(new ImagePrompt("Ada", "a mathematician", MottoTone.NEUTRAL));
        stub.stubFor(post("/v1/images/generations").willReturn(okJson(
                "{\"data\": [{\"b64_json\": \"" + Base64.getEncoder().encodeToString(png) + "\"}]}")));
        PersonaRequested request = request(ImageModel.DALL_E);

        service.onPersonaRequested(request);

        ImageGenerated event = (ImageGenerated) pipeline.awaitOne(request.requestId());
        assertThat(event.model()).isEqualTo(ImageModel.DALL_E);
        assertThat(event.imageUrl()).startsWith("http://image-service.test:8082/generated/");
        assertThat(ServiceHttp.servedPng(port, event.imageUrl()).getWidth()).isEqualTo(512);
    }

    @Test
    void noCredentialIsEverLoggedOrPublished(CapturedOutput output) {
        stub.stubFor(post("/v1/images/generations").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"Incorrect API key provided: " + OPENAI_KEY + ". You can find "
                        + "your API key at https://platform.openai.com/account/api-keys.\", \"type\": "
                        + "\"invalid_request_error\", \"param\": null, \"code\": \"invalid_api_key\"}}")));
        stub.stubFor(post("/v1/predictions").willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"title\": \"Service unavailable\", \"detail\": \"token " + REPLICATE_TOKEN
                        + " could not be served\", \"status\": 503}")));
        PersonaRequested dallE = request(ImageModel.DALL_E);
        PersonaRequested openJourney = request(ImageModel.OPENJOURNEY);

        service.onPersonaRequested(dallE);
        service.onPersonaRequested(openJourney);

        PersonaFailed refused = (PersonaFailed) pipeline.awaitOne(dallE.requestId());
        PersonaFailed unavailable = (PersonaFailed) pipeline.awaitOne(openJourney.requestId());
        assertThat(refused.stage()).isEqualTo(FailureStage.IMAGE);
        assertThat(refused.reason()).startsWith("DALL-E refused the request: HTTP 401 invalid_api_key");
        assertThat(unavailable.reason()).startsWith("OpenJourney is unavailable: HTTP 503 Service unavailable");
        for (PersonaEvent event : pipeline.seen()) {
            assertThat(new String(EventCodec.toJson(event), StandardCharsets.UTF_8)).doesNotContain(OPENAI_KEY, REPLICATE_TOKEN);
        }
        assertThat(output.getAll()).contains(dallE.requestId().toString())
                .doesNotContain(OPENAI_KEY, REPLICATE_TOKEN);
    }

    @Test
    void aRequestPastItsDeadlineFailsWithoutCallingTheProviderWhileAFreshOneGoesThrough() {
        stub.stubFor(post("/v1/images/generations").willReturn(okJson(
                "{\"data\": [{\"url\": \"https://oaidalleapiprodscus.blob.core.windows.net/x.png\"}]}")));
        PersonaRequested stale = requestedAgo(ImageModel.DALL_E, Duration.ofMinutes(6));
        PersonaRequested fresh = request(ImageModel.DALL_E);

        service.onPersonaRequested(stale);

        PersonaFailed failed = (PersonaFailed) pipeline.awaitOne(stale.requestId());
        assertThat(failed.stage()).isEqualTo(FailureStage.TIMEOUT);
        assertThat(failed.reason()).startsWith("timed out: the request waited 6 min").contains("the 5 min deadline");
        assertThat(stub.getAllServeEvents()).as("provider calls for the stale request").isEmpty();

        service.onPersonaRequested(fresh);

        assertThat(pipeline.awaitOne(fresh.requestId())).isInstanceOf(ImageGenerated.class);
        assertThat(stub.findAll(postRequestedFor(urlEqualTo("/v1/images/generations")))).hasSize(1);
    }

    @Test
    void breakerStateAndCallsAreExposedToPrometheus() throws Exception {
        stub.stubFor(post("/v1/images/generations").willReturn(okJson(
                "{\"data\": [{\"url\": \"https://oaidalleapiprodscus.blob.core.windows.net/x.png\"}]}")));
        service.onPersonaRequested(request(ImageModel.DALL_E));

        String metrics = new String(ServiceHttp.get(port, "/actuator/prometheus").body());

        assertThat(metrics)
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"openai-images\"[^}]*state=\"closed\"[^}]*} 1\\.0")
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"replicate\"")
                .containsPattern("resilience4j_circuitbreaker_calls_seconds_count\\{[^}]*kind=\"successful\"[^}]*name=\"openai-images\"")
                .containsPattern("resilience4j_retry_calls_total\\{[^}]*name=\"openai-images\"")
                .containsPattern("resilience4j_bulkhead_available_concurrent_calls\\{[^}]*name=\"replicate\"");
    }

    @Test
    void everyConfiguredModelIsListedAsAvailable() throws Exception {
        String models = new String(ServiceHttp.get(port, "/api/models").body());

        assertThat(models).isEqualTo("{\"default\":\"local\",\"models\":["
                + "{\"id\":\"local\",\"name\":\"Local renderer\",\"available\":true},"
                + "{\"id\":\"dall-e\",\"name\":\"DALL-E\",\"available\":true},"
                + "{\"id\":\"openjourney\",\"name\":\"OpenJourney\",\"available\":true}]}");
    }


    /** A request accepted {@code ago}, as a backlog after an outage delivers it. */
    private static PersonaRequested requestedAgo(ImageModel model, Duration ago) {
        PersonaRequested now = request(model);
        return new PersonaRequested(now.eventId(), now.occurredAt().minus(ago), now.requestId(), now.personaKey(),
                now.personaName(), now.slug(), now.description(), now.mottoTone(), now.model());
    }

    private static PersonaRequested request(ImageModel model) {
        String name = "Provider Persona " + UUID.randomUUID();
        return PersonaRequested.of(UUID.randomUUID(), name.toLowerCase(), name, "provider-persona", "a cartographer",
                MottoTone.SOMBRE, model);
    }
}
