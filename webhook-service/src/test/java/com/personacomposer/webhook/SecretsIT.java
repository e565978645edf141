package com.personacomposer.webhook;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.personacomposer.events.PersonaCompleted;
import com.personacomposer.events.WebhookDeliveryState;
import com.personacomposer.events.WebhookTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signing secret of each principal: made on first use, shown to its principal only, rotated with a day in which
 * deliveries carry both signatures, and stored encrypted.
 */
class SecretsIT {

    private static TestStack stack;

    private final String principal = "user-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        stack = TestStack.start("secrets");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @AfterEach
    void realTime() {
        RunningService.CLOCK.reset();
    }

    @Test
    void withoutAPrincipalTheSecretEndpointsAnswer401() {
        RunningService service = stack.service();
        for (Secrets.Reply reply : new Secrets.Reply[] {Secrets.get(service, null), Secrets.rotate(service, null),
                Secrets.get(service, " ")}) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(reply.body().get("status").asInt()).isEqualTo(401);
            assertThat(reply.raw().body()).doesNotContain("whsec_");
        }
    }

    @Test
    void eachPrincipalHasItsOwnSecretMadeOnFirstUseAndNeverCached() {
        Secrets.Reply first = Secrets.get(stack.service(), principal);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.raw().headers().firstValue("Cache-Control")).hasValue("no-store");
        String secret = first.body().get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(Secrets.of(stack.service(), principal)).isEqualTo(secret);
        assertThat(Secrets.of(stack.service(), "other-" + UUID.randomUUID())).isNotEqualTo(secret);
    }

    @Test
    void secretsAreStoredEncryptedUnderTheServicesKey() {
        String secret = Secrets.of(stack.service(), principal);
        String rotated = Secrets.rotate(stack.service(), principal).body().get("secret").asString();

        Document stored = RunningService.raw(stack.service().database(), "signing_secrets",
                secrets -> secrets.find(eq("_id", principal)).first());
        String raw = stored.toJson();
        for (String plain : new String[] {secret, rotated}) {
            assertThat(raw).doesNotContain(plain).doesNotContain(plain.substring("whsec_".length()));
        }
        assertThat(raw).doesNotContain("whsec_");
        assertThat(stored.get("current", Document.class).getString("secret")).startsWith("v1:");
        // Another key cannot read it: a service started with another PERSONA_WEBHOOK_ENCRYPTION_KEY on the same
        // database answers the secret endpoint with a 500 that tells nothing.
        String database = stack.service().database();
        try (RunningService otherKey = RunningService.start(database, stack.personaService().url(), Map.of(
                "PERSONA_WEBHOOK_ENCRYPTION_KEY", "b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktMzI=",
                "persona.webhook.delivery.sweep-interval", "1h"))) {
            Secrets.Reply reply = Secrets.get(otherKey, principal);
            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.raw().body()).doesNotContain("whsec_").doesNotContain("v1:")
                    .contains("could not be processed");
        }
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneForADayThenNoMore() {
        // A day and an hour ago: the first secret, rotated at once.
        RunningService.CLOCK.advance(Duration.ofHours(-25));
        String first = Secrets.of(stack.service(), principal);
        Secrets.Reply rotation = Secrets.rotate(stack.service(), principal);
        String second = rotation.body().get("secret").asString();
        assertThat(second).isNotEqualTo(first).startsWith("whsec_");
        assertThat(Instant.parse(rotation.body().get("previousSecretValidUntil").asString()))
                .isCloseTo(Instant.now().minus(Duration.ofHours(1)), new org.assertj.core.data.TemporalUnitWithinOffset(
                        1, ChronoUnit.MINUTES));

        // Now: the first secret's day is over, deliveries carry the second's signature only.
        RunningService.CLOCK.reset();
        Receiver.Received afterTheDay = deliver("/after-the-day");
        assertThat(Signatures.count(afterTheDay)).isEqualTo(1);
        Signatures.assertVerifies(second, afterTheDay);
        Signatures.assertRejected(first, afterTheDay.body(), afterTheDay, "a secret rotated out over a day ago");

        // Rotated again now: for the next day both the third and the second secret sign.
        String third = Secrets.rotate(stack.service(), principal).body().get("secret").asString();
        assertThat(Secrets.of(stack.service(), principal)).isEqualTo(third);
        Receiver.Received duringTheDay = deliver("/during-the-day");
        assertThat(Signatures.count(duringTheDay)).isEqualTo(2);
        Signatures.assertVerifies(third, duringTheDay);
        Signatures.assertVerifies(second, duringTheDay);
        Signatures.assertRejected(first, duringTheDay.body(), duringTheDay, "the first secret");
    }

    @Test
    void theServiceDoesNotStartWithoutAUsableEncryptionKey() {
        for (String key : new String[] {"", "c2hvcnQ=", "not base64 at all!"}) {
            assertThatThrownBy(() -> RunningService.start("webhooks-nokey", stack.personaService().url(),
                    Map.of("PERSONA_WEBHOOK_ENCRYPTION_KEY", key)).close())
                    .as("key '%s'", key)
                    .satisfies(failure -> assertThat(messages(failure))
                            .containsAnyOf("PERSONA_WEBHOOK_ENCRYPTION_KEY", "encryption-key")
                            .doesNotContain("c2hvcnQ="));
        }
        Map<String, Object> withoutKey = new java.util.HashMap<>();
        withoutKey.put("PERSONA_WEBHOOK_ENCRYPTION_KEY", null);
        String personaService = stack.personaService().url();
        assertThatThrownBy(() -> RunningService.start("webhooks-nokey", personaService, withoutKey).close())
                .satisfies(failure -> assertThat(messages(failure)).contains("PERSONA_WEBHOOK_ENCRYPTION_KEY"));
    }

    private Receiver.Received deliver(String path) {
        UUID requestId = UUID.randomUUID();
        stack.personaService().answers(requestId, principal, PersonaServiceStub.status(requestId, "COMPLETED"));
        stack.service().publish(PersonaCompleted.of(requestId, "rotation", "rotation", "img-1",
                WebhookTarget.forAll(stack.receiver().url(path), principal)));
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.updates().newest(requestId)
                .map(update -> update.state() == WebhookDeliveryState.DELIVERED).orElse(false));
        return stack.receiver().received(path).get(0);
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }
}
