package com.personacomposer.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What outside consumers read (the JSON Schemas) must match what producers really send. */
class EventSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    static Iterable<PersonaEvent> events() {
        return EventSamples.all();
    }

    @ParameterizedTest
    @MethodSource("events")
    void serialisedEventValidatesAgainstItsSchema(PersonaEvent event) {
        JsonNode json = JSON.readTree(EventCodec.toJson(event));

        assertThat(schemaOf(event.eventType()).validate(json)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("events")
    void schemaRejectsAnEventMissingItsEnvelope(PersonaEvent event) {
        ObjectNode json = (ObjectNode) JSON.readTree(EventCodec.toJson(event));
        json.remove("requestId");
        json.put("eventId", "not-a-uuid");

        List<Error> errors = schemaOf(event.eventType()).validate(json);

        assertThat(errors).extracting(Error::getMessage)
                .anySatisfy(message -> assertThat(message).contains("requestId"))
                .anySatisfy(message -> assertThat(message).contains("uuid"));
    }

    @Test
    void schemaRejectsAnUnknownTone() {
        ObjectNode json = (ObjectNode) JSON.readTree(EventCodec.toJson(EventSamples.all().get(0)));
        json.put("mottoTone", "furious");

        assertThat(schemaOf(EventType.PERSONA_REQUESTED.id()).validate(json)).isNotEmpty();
    }

    private static Schema schemaOf(String type) {
        InputStream in = EventSchemaTest.class.getResourceAsStream("/schemas/" + type + ".v1.json");
        assertThat(in).as("schema of " + type).isNotNull();
        return SCHEMAS.getSchema(in);
    }
}
