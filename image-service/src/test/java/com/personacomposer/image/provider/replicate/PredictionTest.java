package com.personacomposer.image.provider.replicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PredictionTest {

    private static final URI BASE = URI.create("https://api.replicate.com/v1");
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsAFinishedPrediction() {
        Prediction prediction = Prediction.of(json.readTree("""
                {"id":"abc","status":"succeeded","output":["https://replicate.delivery/pbxt/out-0.png"],"error":null,
                 "urls":{"get":"https://api.replicate.com/v1/predictions/abc",
                         "cancel":"https://api.replicate.com/v1/predictions/abc/cancel"}}
                """), BASE);

        assertThat(prediction.finished()).isTrue();
        assertThat(prediction.output()).containsExactly("https://replicate.delivery/pbxt/out-0.png");
        assertThat(prediction.error()).isNull();
        assertThat(prediction.getUrl()).hasToString("https://api.replicate.com/v1/predictions/abc");
        assertThat(prediction.cancelUrl()).hasToString("https://api.replicate.com/v1/predictions/abc/cancel");
    }

    @Test
    void neverFollowsLinksOffTheApisOriginWithOurToken() {
        Prediction prediction = Prediction.of(json.readTree("""
                {"id":"abc","status":"processing",
                 "urls":{"get":"https://attacker.example/steal","cancel":"http://api.replicate.com:8080/x"}}
                """), BASE);

        assertThat(prediction.finished()).isFalse();
        assertThat(prediction.getUrl()).hasToString("https://api.replicate.com/v1/predictions/abc");
        assertThat(prediction.cancelUrl()).hasToString("https://api.replicate.com/v1/predictions/abc/cancel");
    }

    @Test
    void keepsTheErrorOfAFailedPrediction() {
        Prediction prediction = Prediction.of(json.readTree("""
                {"id":"abc","status":"failed","output":null,
                 "error":"NSFW content detected. Try running it again, or try a different prompt."}
                """), BASE);

        assertThat(prediction.finished()).isTrue();
        assertThat(prediction.output()).isEmpty();
        assertThat(prediction.error()).isEqualTo("NSFW content detected. Try running it again, or try a different prompt.");
    }
}
