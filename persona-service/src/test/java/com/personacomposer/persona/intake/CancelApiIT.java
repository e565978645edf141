package com.personacomposer.persona.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageSkipped;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.Topics;
import com.personacomposer.events.WebhookDeliveryState;
import com.personacomposer.events.WebhookDeliveryUpdated;
import com.personacomposer.events.WebhookEventType;
import com.personacomposer.events.WebhookTarget;
import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.persona.testing.Pipeline;
import com.personacomposer.persona.testing.ServiceTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/requests/{id}/cancel and the webhook part of a request, over HTTP and Kafka as the neighbours use them. */
class CancelApiIT extends ServiceTestSupport {

    private static final String HOOK = "https://hooks.example.com/personas?team=7";

    @Test
    void anAnonymousRequestIsCanceledByWhoeverHoldsItsIdAndRepeatingTheCancelIsHarmless() {
        UUID requestId = intake(null, null, "local");

        Pipeline.Response canceled = cancel(requestId, Map.of());
        Pipeline.Response again = cancel(requestId, Map.of());

        assertThat(canceled.status()).isEqualTo(202);
        JsonNode status = canceled.json();
        assertThat(status.path("status").asString()).isEqualTo("CANCELED");
        assertThat(status.path("stages").path("image").asString()).isEqualTo("PENDING");
        assertThat(status.has("webhook")).isFalse();
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("status").asString()).isEqualTo("CANCELED");
        assertThat(pipeline.get("/api/requests/" + requestId).json().path("status").asString()).isEqualTo("CANCELED");
        assertThat(events(Topics.PERSONA_CANCELED, requestId)).singleElement()
                .satisfies(event -> assertThat(((PersonaCanceled) event).webhook()).isNull());
    }

    @Test
    void aPrincipalsRequestIsCanceledOnlyByThatPrincipalOrAnAdmin() {
        String owner = "user:" + UUID.randomUUID();
        UUID requestId = intake(owner, null, "local");

        assertProblem(cancel(requestId, Map.of()), 401);
        assertProblem(cancel(requestId, Map.of("X-Persona-Principal", "user:someone-else")), 403);
        assertThat(pipeline.get("/api/requests/" + requestId).json().path("status").asString()).isEqualTo("PENDING");

        Pipeline.Response byAdmin = cancel(requestId,
                Map.of("X-Persona-Principal", "user:an-admin", "X-Persona-Admin", "true"));
        assertThat(byAdmin.status()).isEqualTo(202);
        assertThat(cancel(requestId, Map.of("X-Persona-Principal", owner)).status()).isEqualTo(202);
    }

    @Test
    void anUnknownIdIs404AndAFinishedRequestIs409() {
        assertProblem(cancel(UUID.randomUUID(), Map.of()), 404);
        assertProblem(pipeline.post("/api/requests/not-a-uuid/cancel", null), 404);
        PersonaRequested completed = createImage(unique("Finished Fay"), "", MottoTone.NEUTRAL, "Done.");

        Pipeline.Response refused = cancel(completed.requestId(), Map.of());

        assertProblem(refused, 409);
        assertThat(refused.json().path("detail").asString()).contains("completed");
        assertThat(pipeline.get("/api/requests/" + completed.requestId()).json().path("status").asString())
                .isEqualTo("COMPLETED");
    }

    @Test
    void theQuotaUnitComesBackWhenImageServiceSkippedTheCanceledRequest() {
        String principal = "key:" + UUID.randomUUID();
        UUID requestId = intake(principal, null, "dall-e");
        assertThat(used(principal)).isEqualTo(1);

        cancel(requestId, Map.of("X-Persona-Principal", principal));
        assertThat(used(principal)).as("canceled, but a paid call may have been made").isEqualTo(1);
        pipeline.publish(ImageSkipped.canceled(requestId, key(requestId)));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> used(principal) == 0);
    }

    @Test
    void finishEventsOfARequestWithAWebhookCarryItsTargetAndAStageFailureIsPublishedAgainWithIt() {
        String principal = "key:" + UUID.randomUUID();
        UUID canceledId = intake(principal, Map.of("url", HOOK, "events", List.of("canceled", "failed")), "local");
        UUID failedId = intake(principal, Map.of("url", HOOK, "events", List.of("failed")), "local");
        WebhookTarget canceledTarget = WebhookTarget.of(HOOK,
                Set.of(WebhookEventType.CANCELED, WebhookEventType.FAILED), principal);

        cancel(canceledId, Map.of("X-Persona-Principal", principal));
        pipeline.publish(PersonaFailed.of(failedId, key(failedId), FailureStage.MOTTO, "the motto was refused"));
        awaitStatus(failedId, "FAILED");

        assertThat(events(Topics.PERSONA_CANCELED, canceledId)).singleElement()
                .satisfies(event -> assertThat(((PersonaCanceled) event).webhook()).isEqualTo(canceledTarget));
        List<PersonaEvent> failures = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> events(Topics.PERSONA_FAILED, failedId), found -> found.size() >= 2);
        pipeline.awaitConsumed(Topics.PERSONA_FAILED);
        assertThat(events(Topics.PERSONA_FAILED, failedId)).as("the stage's, then persona-service's once")
                .hasSize(2)
                .extracting(event -> ((PersonaFailed) event).webhook())
                .containsExactly(null, WebhookTarget.of(HOOK, Set.of(WebhookEventType.FAILED), principal));
        assertThat(failures).allSatisfy(event -> assertThat(((PersonaFailed) event).reason())
                .isEqualTo("the motto was refused"));
    }

    @Test
    void theWebhookDeliveryStateIsShownOnlyToTheRequestsPrincipal() {
        String principal = "user:" + UUID.randomUUID();
        UUID requestId = intake(principal, Map.of("url", HOOK, "events", List.of("completed", "failed", "canceled")),
                "local");
        Map<String, String> asOwner = Map.of("X-Persona-Principal", principal);
        assertThat(status(requestId, asOwner).path("webhook").path("state").asString()).isEqualTo("pending");
        assertThat(status(requestId, asOwner).path("webhook").path("attempts").asInt()).isZero();
        cancel(requestId, asOwner);
        Instant next = Instant.parse("2030-01-01T00:00:05Z");

        pipeline.publish(update(requestId, WebhookDeliveryState.PENDING, 2, 500, next),
                update(requestId, WebhookDeliveryState.PENDING, 1, 500, next));
        pipeline.awaitConsumed(Topics.WEBHOOK_UPDATED);

        JsonNode webhook = status(requestId, asOwner).path("webhook");
        assertThat(webhook.path("state").asString()).isEqualTo("pending");
        assertThat(webhook.path("attempts").asInt()).isEqualTo(2);
        assertThat(webhook.path("lastStatus").asInt()).isEqualTo(500);
        assertThat(Instant.parse(webhook.path("nextAttemptAt").asString())).isEqualTo(next);
        assertThat(status(requestId, Map.of()).has("webhook")).as("anonymous").isFalse();
        assertThat(status(requestId, Map.of("X-Persona-Principal", "user:someone-else")).has("webhook"))
                .as("another principal").isFalse();

        pipeline.publish(update(requestId, WebhookDeliveryState.DELIVERED, 3, 200, null));
        pipeline.awaitConsumed(Topics.WEBHOOK_UPDATED);
        JsonNode delivered = status(requestId, asOwner).path("webhook");
        assertThat(delivered.path("state").asString()).isEqualTo("delivered");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivered.path("nextAttemptAt").isNull()).isTrue();
    }

    @Test
    void aWebhookOnAnAnonymousRequestIsRefusedNamingTheField() {
        Map<String, Object> body = new java.util.LinkedHashMap<>(record(unique("No Hook"), null));
        body.put("webhook", Map.of("url", HOOK, "events", List.of("completed")));

        Pipeline.Response refused = pipeline.put("/internal/requests/" + UUID.randomUUID(), body);

        assertProblem(refused, 400);
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("webhook");
    }

    private final Map<UUID, String> keys = new java.util.concurrent.ConcurrentHashMap<>();

    /** Records a request as the gateway does, for {@code principal} (null: anonymous) with the webhook given. */
    private UUID intake(String principal, Map<String, Object> webhook, String model) {
        String name = unique("Cancel Cal");
        UUID requestId = UUID.randomUUID();
        Map<String, Object> body = new java.util.LinkedHashMap<>(record(name, model, null));
        if (webhook != null) {
            body.put("webhook", webhook);
        }
        Map<String, String> headers = principal == null ? Map.of() : Map.of("X-Persona-Principal", principal);
        assertThat(pipeline.put("/internal/requests/" + requestId, body, headers).status()).isEqualTo(201);
        keys.put(requestId, PersonaName.of(name).key());
        return requestId;
    }

    private String key(UUID requestId) {
        return keys.get(requestId);
    }

    private Pipeline.Response cancel(UUID requestId, Map<String, String> headers) {
        return pipeline.post("/api/requests/" + requestId + "/cancel", null, headers);
    }

    private JsonNode status(UUID requestId, Map<String, String> headers) {
        return pipeline.get("/api/requests/" + requestId, headers).json();
    }

    private int used(String principal) {
        return pipeline.get("/api/me", Map.of("X-Persona-Principal", principal)).json().path("quota").path("used")
                .asInt();
    }

    private List<PersonaEvent> events(String topic, UUID requestId) {
        return pipeline.readAll(topic).stream().filter(event -> event.requestId().equals(requestId)).toList();
    }

    private WebhookDeliveryUpdated update(UUID requestId, WebhookDeliveryState state, int attempts, Integer lastStatus,
                                          Instant next) {
        return WebhookDeliveryUpdated.of(requestId, key(requestId), "msg_" + requestId + "_canceled",
                WebhookEventType.CANCELED, state, attempts, lastStatus, next);
    }
}
