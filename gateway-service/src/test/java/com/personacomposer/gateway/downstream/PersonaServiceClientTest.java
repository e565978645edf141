package com.personacomposer.gateway.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** How the intake call reads persona-service's refusals: handed on whole, with the Retry-After of a 429. */
class PersonaServiceClientTest {

    private static final String QUOTA_PROBLEM =
            "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"errors\":[]}";

    private static PersonaServiceClient answering(ClientResponse response) {
        return new PersonaServiceClient(WebClient.builder().baseUrl("http://persona-service")
                .exchangeFunction(request -> Mono.just(response)).build());
    }

    private static Mono<IntakeResult> intake(PersonaServiceClient client) {
        return client.intake(UUID.randomUUID(), body());
    }

    private static IntakeBody body() {
        return new IntakeBody("ada", "Ada", "ada", "", "neutral", "dall-e", null, false, null);
    }

    @Test
    void a429IsHandedOnWithItsRetryAfterAndProblemBody() {
        PersonaServiceClient client = answering(ClientResponse.create(HttpStatus.TOO_MANY_REQUESTS)
                .header("Content-Type", "application/problem+json").header("Retry-After", "4242")
                .body(QUOTA_PROBLEM).build());

        assertThatThrownBy(() -> intake(client).block()).isInstanceOfSatisfying(PersonaServiceRejectedException.class, error -> {
            PassThrough refusal = error.response();
            assertThat(refusal.status().value()).isEqualTo(429);
            assertThat(refusal.retryAfter()).isEqualTo("4242");
            assertThat(refusal.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(new String(refusal.body(), StandardCharsets.UTF_8)).isEqualTo(QUOTA_PROBLEM);
        });
    }

    @Test
    void aRefusalWithoutRetryAfterCarriesNone() {
        PersonaServiceClient client = answering(ClientResponse.create(HttpStatus.UNPROCESSABLE_CONTENT)
                .header("Content-Type", "application/problem+json").body("{\"status\":422}").build());

        assertThatThrownBy(() -> intake(client).block()).isInstanceOfSatisfying(PersonaServiceRejectedException.class, error -> {
            PassThrough refusal = error.response();
            assertThat(refusal.status().value()).isEqualTo(422);
            assertThat(refusal.retryAfter()).isNull();
        });
    }

    @Test
    void a5xxMeansPersonaServiceIsUnavailable() {
        PersonaServiceClient client = answering(ClientResponse.create(HttpStatus.INTERNAL_SERVER_ERROR).build());

        assertThatThrownBy(() -> intake(client).block()).isInstanceOf(PersonaServiceUnavailableException.class);
    }
}
