package com.personacomposer.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The webhook target on the finish events: added within schema version 1, so events with and without it are read by
 * the same code, and an event of a request without a webhook is on the wire exactly as before.
 */
class WebhookTargetTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PersonaCompleted COMPLETED = new PersonaCompleted(id(5), EventSamples.AT,
            EventSamples.REQUEST_ID, EventSamples.KEY, "zoë-o-brien-8c1f2a3b", "3d9f0c7e-2b1a-4c5d-8e6f-7a8b9c0d1e2f",
            EventSamples.WEBHOOK);
    private static final PersonaFailed FAILED = new PersonaFailed(id(6), EventSamples.AT, EventSamples.REQUEST_ID,
            EventSamples.KEY, FailureStage.TIMEOUT, "the request took longer than 5 minutes",
            new WebhookTarget("https://hooks.example.com/personas", Set.of(WebhookEventType.FAILED),
                    "3f2b9c1e-7d4a-4e8b-9c0d-1a2b3c4d5e6f"));

    @Test
    void committedSamplesWithATargetStillDeserialise() throws IOException {
        assertThat(read("/samples/PersonaCompleted.v1.webhook.json")).isEqualTo(COMPLETED);
        assertThat(read("/samples/PersonaFailed.v1.webhook.json")).isEqualTo(FAILED);
    }

    @Test
    void eventsWrittenBeforeWebhooksHaveNoTarget() throws IOException {
        assertThat(((PersonaCompleted) read("/samples/PersonaCompleted.v1.json")).webhook()).isNull();
        assertThat(((PersonaFailed) read("/samples/PersonaFailed.v1.json")).webhook()).isNull();
    }

    @Test
    void anEventWithoutATargetLeavesTheFieldOut() {
        PersonaCanceled canceled = PersonaCanceled.of(UUID.randomUUID(), "ada", null);

        assertThat(json(PersonaCompleted.of(UUID.randomUUID(), "ada", "ada", "img-1"))).doesNotContain("webhook");
        assertThat(json(PersonaFailed.of(UUID.randomUUID(), "ada", FailureStage.IMAGE, "no key")))
                .doesNotContain("webhook");
        assertThat(json(canceled)).doesNotContain("webhook");
        assertThat(EventCodec.fromJson(EventCodec.toJson(canceled))).isEqualTo(canceled);
        assertThat(schema("PersonaCanceled").validate(JSON.readTree(EventCodec.toJson(canceled)))).isEmpty();
    }

    @Test
    void eventsWithATargetRoundTripAndValidate() {
        for (PersonaEvent event : List.of(COMPLETED, FAILED)) {
            JsonNode json = JSON.readTree(EventCodec.toJson(event));

            assertThat(EventCodec.fromJson(EventCodec.toJson(event))).isEqualTo(event);
            assertThat(schema(event.eventType()).validate(json)).isEmpty();
            assertThat(json.path("webhook").path("principal").asString()).isNotBlank();
        }
    }

    @Test
    void theTargetsEventsAreInOneOrderHoweverTheyWereGiven() {
        WebhookTarget target = WebhookTarget.of("https://h.example/x",
                List.of(WebhookEventType.CANCELED, WebhookEventType.COMPLETED), "alice");

        assertThat(json(PersonaCanceled.of(UUID.randomUUID(), "ada", target)))
                .contains("\"events\":[\"completed\",\"canceled\"]");
        assertThat(target).isEqualTo(new WebhookTarget("https://h.example/x",
                Set.of(WebhookEventType.COMPLETED, WebhookEventType.CANCELED), "alice"));
        assertThat(target.wants(WebhookEventType.CANCELED)).isTrue();
        assertThat(target.wants(WebhookEventType.FAILED)).isFalse();
        assertThat(WebhookTarget.forAll("https://h.example/x", "alice").events())
                .containsExactly(WebhookEventType.COMPLETED, WebhookEventType.FAILED, WebhookEventType.CANCELED);
    }

    @Test
    void aTargetNeedsAUrlAnEventAndAPrincipal() {
        assertThatThrownBy(() -> new WebhookTarget("https://h.example/x", Set.of(), "alice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event type");
        assertThatThrownBy(() -> new WebhookTarget(" ", Set.of(WebhookEventType.FAILED), "alice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url");
        assertThatThrownBy(() -> new WebhookTarget("https://h.example/x", Set.of(WebhookEventType.FAILED), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("principal");
        String withoutPrincipal = json(COMPLETED).replace("\"principal\":\"key:ci-bot\"", "\"who\":\"x\"");
        assertThatThrownBy(() -> EventCodec.fromJson(withoutPrincipal.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("invalid PersonaCompleted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"events:[]", "events:[\"started\"]", "principal:", "url:"})
    void schemaRejectsATargetWithoutWhatItNeeds(String change) {
        ObjectNode json = (ObjectNode) JSON.readTree(EventCodec.toJson(COMPLETED));
        ObjectNode webhook = (ObjectNode) json.get("webhook");
        String field = change.substring(0, change.indexOf(':'));
        String value = change.substring(change.indexOf(':') + 1);
        if (value.isEmpty()) {
            webhook.remove(field);
        } else {
            webhook.set(field, JSON.readTree(value));
        }

        List<Error> errors = schema("PersonaCompleted").validate(json);

        assertThat(errors).extracting(error -> error.getInstanceLocation() + " " + error.getMessage())
                .anySatisfy(message -> assertThat(message).contains(field));
    }

    private static PersonaEvent read(String resource) throws IOException {
        try (InputStream in = WebhookTargetTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return EventCodec.fromJson(in.readAllBytes());
        }
    }

    private static String json(PersonaEvent event) {
        return new String(EventCodec.toJson(event), StandardCharsets.UTF_8);
    }

    private static Schema schema(String type) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                        builder -> builder.schemaRegistryConfig(
                                SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                .getSchema(WebhookTargetTest.class.getResourceAsStream("/schemas/" + type + ".v1.json"));
    }

    private static UUID id(int n) {
        return UUID.fromString("00000000-0000-4000-8000-00000000000" + n);
    }
}
