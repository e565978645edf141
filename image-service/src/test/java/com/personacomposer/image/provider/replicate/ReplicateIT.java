package com.personacomposer.image.provider.replicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.personacomposer.image.provider.GeneratedImage;
import com.personacomposer.image.provider.ProviderStubs;
import com.personacomposer.kit.testing.InTurn;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** OpenJourney on Replicate through the real client: create with Prefer: wait, then poll until it finishes. */
class ReplicateIT extends ProviderStubs {

    private static final String VERSION = "9936c2001faa2194a261c01381f90e65261879985476014a0a37a334593a05eb";
    private static final String PREDICTIONS = "/v1/predictions";
    private static final String PREDICTION = "/v1/predictions/ufawqhfynnddngldkgtslldrkq";
    private static final String OUTPUT = "https://replicate.delivery/pbxt/abc/out-0.png";

    @Autowired
    ReplicateImageProvider openJourney;

    @Test
    void aPredictionIsFollowedFromStartingThroughProcessingToItsImage() {
        stub.stubFor(post(PREDICTIONS).willReturn(prediction(201, "starting", null, null)));
        InTurn.stub(stub, () -> get(PREDICTION), prediction(200, "processing", null, null),
                prediction(200, "processing", null, null), prediction(200, "succeeded", "[\"" + OUTPUT + "\"]", null));

        GeneratedImage image = openJourney.generate(prompt("Ada Lovelace", "a mathematician"));

        assertThat(image).isEqualTo(new GeneratedImage.Hosted(URI.create(OUTPUT), null));
        stub.verify(1, postRequestedFor(urlEqualTo(PREDICTIONS))
                .withHeader("Authorization", equalTo("Bearer " + REPLICATE_TOKEN))
                .withHeader("Prefer", equalTo("wait"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"version": "%s", "input": {"prompt": "mdjrny-v4 style %s",
                         "width": 512, "height": 512, "num_outputs": 1}}
                        """.formatted(VERSION, originalPrompt("Ada Lovelace", "a mathematician")))));
        stub.verify(3, getRequestedFor(urlEqualTo(PREDICTION))
                .withHeader("Authorization", equalTo("Bearer " + REPLICATE_TOKEN)));
    }

    @Test
    void aPredictionThatFinishesWhileWeWaitNeedsNoPolling() {
        stub.stubFor(post(PREDICTIONS).willReturn(prediction(201, "succeeded", "[\"" + OUTPUT + "\"]", null)));

        assertThat(openJourney.generate(prompt("Ada", "a mathematician")))
                .isEqualTo(new GeneratedImage.Hosted(URI.create(OUTPUT), null));
        stub.verify(0, getRequestedFor(urlEqualTo(PREDICTION)));
    }

    @Test
    void aFailedPredictionFailsWithReplicatesError() {
        stub.stubFor(post(PREDICTIONS).willReturn(prediction(201, "processing", null, null)));
        stub.stubFor(get(PREDICTION).willReturn(prediction(200, "failed", "null",
                "\"NSFW content detected. Try running it again, or try a different prompt.\"")));

        assertThatThrownBy(() -> openJourney.generate(prompt("Ada", "a mathematician")))
                .hasMessage("OpenJourney failed: NSFW content detected. Try running it again, or try a different prompt.");
    }

    @Test
    void aPredictionStillRunningAtOurDeadlineIsCancelled() {
        stub.stubFor(post(PREDICTIONS).willReturn(prediction(201, "starting", null, null)));
        stub.stubFor(get(PREDICTION).willReturn(prediction(200, "processing", null, null)));
        stub.stubFor(post(PREDICTION + "/cancel").willReturn(prediction(200, "canceled", null, null)));

        assertThatThrownBy(() -> openJourney.generate(prompt("Ada", "a mathematician")))
                .hasMessage("OpenJourney did not finish within 2 s, so the prediction was cancelled");
        stub.verify(1, postRequestedFor(urlEqualTo(PREDICTION + "/cancel"))
                .withHeader("Authorization", equalTo("Bearer " + REPLICATE_TOKEN)));
    }

    @Test
    void aThrottledCreateIsRetriedAfterTheAskedPause() {
        InTurn.stub(stub, () -> post(PREDICTIONS),
                aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\": \"Request was throttled.\", \"detail\": \"Request was throttled. "
                                + "Expected available in 1 second.\", \"status\": 429}"),
                prediction(201, "succeeded", "[\"" + OUTPUT + "\"]", null));

        long started = System.nanoTime();
        assertThat(openJourney.generate(prompt("Ada", "a mathematician"))).isInstanceOf(GeneratedImage.Hosted.class);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(900);
        stub.verify(2, postRequestedFor(urlEqualTo(PREDICTIONS)));
    }

    @Test
    void anInvalidVersionIsRefusedWithoutRetrying() {
        stub.stubFor(post(PREDICTIONS).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\": \"Invalid version or not permitted\", \"detail\": \"The specified version "
                        + "does not exist (or perhaps you don't have permission to use it?)\", \"status\": 422}")));

        assertThatThrownBy(() -> openJourney.generate(prompt("Ada", "a mathematician")))
                .hasMessage("OpenJourney refused the request: HTTP 422 Invalid version or not permitted: The specified "
                        + "version does not exist (or perhaps you don't have permission to use it?)");
        stub.verify(1, postRequestedFor(urlEqualTo(PREDICTIONS)));
    }

    @Test
    void aCreateThatTimesOutIsNotSentAgain() {
        stub.stubFor(post(PREDICTIONS).willReturn(prediction(201, "starting", null, null).withFixedDelay(3000)));

        assertThatThrownBy(() -> openJourney.generate(prompt("Ada", "a mathematician")))
                .hasMessageContaining("OpenJourney did not answer within 2 s; not retried");
        stub.verify(1, postRequestedFor(urlEqualTo(PREDICTIONS)));
    }

    /** A prediction as Replicate returns it, with links on the (stubbed) API host. */
    private static ResponseDefinitionBuilder prediction(int status, String state, String output, String error) {
        String id = "ufawqhfynnddngldkgtslldrkq";
        String api = stub.baseUrl() + "/v1/predictions/" + id;
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"id": "%s", "model": "prompthero/openjourney", "version": "%s",
                 "input": {"prompt": "mdjrny-v4 style ..."}, "logs": "", "output": %s, "data_removed": false,
                 "error": %s, "status": "%s", "created_at": "2025-01-01T00:00:00.000Z",
                 "urls": {"cancel": "%s/cancel", "get": "%s", "web": "https://replicate.com/p/%s"}}
                """.formatted(id, VERSION, output == null ? "null" : output, error == null ? "null" : error, state,
                api, api, id));
    }
}
