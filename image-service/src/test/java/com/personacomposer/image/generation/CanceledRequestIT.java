package com.personacomposer.image.generation;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.ImageSkipped;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.image.provider.ProviderStubs;
import com.personacomposer.image.testing.PipelineClient;
import com.personacomposer.kit.cancel.CanceledRequests;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A canceled request against stubbed providers: cancels travel on the devstack's Kafka to this service's canceled
 * requests, as persona-service publishes them. The provider waits are long here, so only a cancel can end them early.
 */
@TestPropertySource(properties = {
    "persona.image.openai.timeout=20s",
    "persona.image.replicate.timeout=10s",
    "persona.image.replicate.deadline=30s"})
class CanceledRequestIT extends ProviderStubs {

    private static final String PREDICTIONS = "/v1/predictions";
    private static final String PREDICTION = "/v1/predictions/ufawqhfynnddngldkgtslldrkq";

    @RegisterExtension
    static final PipelineClient pipeline = new PipelineClient();

    @Autowired
    ImageGenerationService service;

    @Autowired
    CanceledRequests canceled;

    @Test
    void aRequestCanceledBeforeItsImageIsSkippedWithoutAnyProviderCall() {
        PersonaRequested request = request(ImageModel.DALL_E);
        cancel(request);

        service.onPersonaRequested(request);

        assertThat(pipeline.awaitOne(request.requestId())).isInstanceOfSatisfying(ImageSkipped.class,
                skipped -> assertThat(skipped.reason()).isEqualTo("canceled"));
        assertThat(stub.getAllServeEvents()).as("provider calls").isEmpty();
    }

    @Test
    void aReplicatePredictionRunningWhenItsRequestIsCanceledIsCancelledOnceAndNothingIsPublished() throws Exception {
        stub.stubFor(post(PREDICTIONS).willReturn(prediction("starting")));
        stub.stubFor(get(PREDICTION).willReturn(prediction("processing")));
        stub.stubFor(post(PREDICTION + "/cancel").willReturn(prediction("canceled")));
        PersonaRequested request = request(ImageModel.OPENJOURNEY);

        CompletableFuture<Void> working = CompletableFuture.runAsync(() -> service.onPersonaRequested(request));
        awaitUntil(() -> stub.findAll(getRequestedFor(urlEqualTo(PREDICTION))).size() >= 2);
        cancel(request);
        working.get(20, TimeUnit.SECONDS);

        stub.verify(1, postRequestedFor(urlEqualTo(PREDICTIONS)));
        stub.verify(1, postRequestedFor(urlEqualTo(PREDICTION + "/cancel")));
        int polls = stub.findAll(getRequestedFor(urlEqualTo(PREDICTION))).size();
        assertThat(pipeline.during(request.requestId(), Duration.ofSeconds(2))).as("published").isEmpty();
        assertThat(stub.findAll(getRequestedFor(urlEqualTo(PREDICTION)))).as("no poll after the cancel")
                .hasSize(polls);
    }

    @Test
    void anOpenAiCallInFlightWhenItsRequestIsCanceledIsLetFinishAndItsImageDropped() throws Exception {
        stub.stubFor(post("/v1/images/generations").willReturn(okJson(
                "{\"data\": [{\"url\": \"https://oaidalleapiprodscus.blob.core.windows.net/x.png\"}]}")
                .withFixedDelay(3000)));
        PersonaRequested request = request(ImageModel.DALL_E);

        CompletableFuture<Void> working = CompletableFuture.runAsync(() -> service.onPersonaRequested(request));
        awaitUntil(() -> !stub.getAllServeEvents().isEmpty());
        cancel(request);
        working.get(20, TimeUnit.SECONDS);

        stub.verify(1, postRequestedFor(urlEqualTo("/v1/images/generations")));
        assertThat(pipeline.during(request.requestId(), Duration.ofSeconds(2)))
                .as("neither an image to store nor a skip that would give the paid unit back").isEmpty();
    }

    /** Cancels the request as persona-service does, and waits until this service has heard it. */
    private void cancel(PersonaRequested request) {
        pipeline.publish(PersonaCanceled.of(request.requestId(), request.personaKey(), null));
        awaitUntil(() -> canceled.isCanceled(request.requestId()));
    }

    private static void awaitUntil(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }

    private static ResponseDefinitionBuilder prediction(String status) {
        return okJson("""
                {"id": "ufawqhfynnddngldkgtslldrkq", "status": "%s", "output": null, "error": null,
                 "urls": {"get": "%s", "cancel": "%s"}}
                """.formatted(status, stub.baseUrl() + PREDICTION, stub.baseUrl() + PREDICTION + "/cancel"));
    }

    private static PersonaRequested request(ImageModel model) {
        String name = "Canceled Persona " + UUID.randomUUID();
        return PersonaRequested.of(UUID.randomUUID(), name.toLowerCase(), name, "canceled-persona", "a cartographer",
                MottoTone.SOMBRE, model);
    }
}
