package com.personacomposer.persona;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Quotas at intake, GET /api/me and idempotency keys per principal, over HTTP with the gateway's headers. */
class QuotaApiIT extends ServiceTestSupport {

    private static final int DAILY_QUOTA = 25;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPrincipalPastItsDailyQuotaGets429WithRetryAfterAndMeShowsTheUsage() {
        String principal = "user:it-" + UUID.randomUUID();
        for (int i = 0; i < DAILY_QUOTA; i++) {
            assertThat(intake(UUID.randomUUID(), record(unique("Paid Pat"), "dall-e", null), principal).statusCode())
                    .isEqualTo(201);
        }
        assertThat(intake(UUID.randomUUID(), record(unique("Free Fay"), "local", null), principal).statusCode())
                .as("free models are not counted").isEqualTo(201);

        HttpResponse<String> refused = intake(UUID.randomUUID(), record(unique("Paid Pat"), "dall-e", null), principal);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        long secondsToMidnight = Duration.between(Instant.now(),
                LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds();
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(secondsToMidnight - 5, secondsToMidnight + 5);
        assertThat(json(refused).path("status").asInt()).isEqualTo(429);

        HttpResponse<String> me = send(HttpRequest.newBuilder(uri("/api/me")).GET()
                .header("X-Persona-Principal", principal)
                .header("X-Persona-Principal-Name", "Zo%C3%AB+Quinn%20%F0%9F%8E%A8")
                .header("X-Persona-Admin", "true"));
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode account = json(me);
        assertThat(account.path("id").asString()).isEqualTo(principal);
        assertThat(account.path("name").asString()).isEqualTo("Zoë+Quinn 🎨");
        assertThat(account.path("admin").asBoolean()).isTrue();
        assertThat(account.path("quota").path("used").asInt()).isEqualTo(DAILY_QUOTA);
        assertThat(account.path("quota").path("limit").asInt()).isEqualTo(DAILY_QUOTA);
        assertThat(Instant.parse(account.path("quota").path("resetsAt").asString()))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Test
    void meWithoutAPrincipalIs401() {
        HttpResponse<String> me = send(HttpRequest.newBuilder(uri("/api/me")).GET());
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void anIdempotencyKeyBelongsToItsPrincipalAndCannotBeReusedForAnotherBody() {
        String key = "ik-" + UUID.randomUUID();
        String name = unique("Keyed Kim");
        UUID alices = UUID.randomUUID();
        UUID bobs = UUID.randomUUID();

        assertThat(intake(alices, record(name, "local", key), "user:alice-" + key).statusCode()).isEqualTo(201);
        assertThat(intake(bobs, record(name, "local", key), "user:bob-" + key).statusCode())
                .as("the same key from another principal is another request").isEqualTo(201);
        HttpResponse<String> retry = intake(UUID.randomUUID(), record(name, "local", key), "user:alice-" + key);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json(retry).path("requestId").asString()).isEqualTo(alices.toString());

        Map<String, Object> changed = record(name, "local", key);
        changed.put("description", "something else entirely");
        HttpResponse<String> reused = intake(UUID.randomUUID(), changed, "user:alice-" + key);

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json(reused).path("errors").get(0).path("field").asString()).isEqualTo("Idempotency-Key");
    }

    /**
     * A create the gateway gave up on (503 after its timeout) may have been recorded and charged here; the client's
     * retry with the same Idempotency-Key comes as another intake call (the gateway names each attempt anew) and is
     * answered with the first request, charged once.
     */
    @Test
    void aPaidCreateRetriedWithItsIdempotencyKeyIsChargedOnce() {
        String principal = "user:retry-" + UUID.randomUUID();
        String key = "ik-" + UUID.randomUUID();
        Map<String, Object> body = record(unique("Retried Rita"), "dall-e", key);
        UUID first = UUID.randomUUID();

        assertThat(intake(first, body, principal).statusCode()).isEqualTo(201);
        HttpResponse<String> retry = intake(UUID.randomUUID(), body, principal);

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json(retry).path("requestId").asString()).isEqualTo(first.toString());
        assertThat(used(principal)).isEqualTo(1);
        assertThat(intake(UUID.randomUUID(), record(unique("Retried Rita"), "dall-e", null), principal).statusCode())
                .as("a create without the key is a new request").isEqualTo(201);
        assertThat(used(principal)).isEqualTo(2);
    }

    @Test
    void aPrincipalHeaderThatIsNoPrincipalIdIsRefused() {
        HttpResponse<String> refused = intake(UUID.randomUUID(), record(unique("Raw Ray"), "dall-e", null), "budget");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("errors").get(0).path("field").asString()).isEqualTo("X-Persona-Principal");
    }

    private long used(String principal) {
        HttpResponse<String> me = send(HttpRequest.newBuilder(uri("/api/me")).GET().header("X-Persona-Principal", principal));
        return json(me).path("quota").path("used").asLong();
    }

    private HttpResponse<String> intake(UUID requestId, Map<String, Object> body, String principal) {
        return send(HttpRequest.newBuilder(uri("/internal/requests/" + requestId))
                .header("Content-Type", "application/json")
                .header("X-Persona-Principal", principal)
                .PUT(HttpRequest.BodyPublishers.ofString(Pipeline.JSON.writeValueAsString(body))));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Pipeline.JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
