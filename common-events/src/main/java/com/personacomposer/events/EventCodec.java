package com.personacomposer.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON form of the events. The type comes from the {@code eventType} field, looked up in {@link EventType}, so
 * nothing on the wire names a Java class and a consumer may use its own classes for the same JSON.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Tolerant reader: fields added by a later minor revision are ignored, not fatal.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventCodec() {
    }

    public static byte[] toJson(PersonaEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    /**
     * Reads any pipeline event.
     *
     * @throws InvalidEventException when the bytes are not JSON, name no known type, carry a newer schema version
     *                               than this code knows, or miss required fields
     */
    public static PersonaEvent fromJson(byte[] json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (RuntimeException e) {
            throw new InvalidEventException("not JSON: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidEventException("an event must be a JSON object");
        }
        String type = tree.path("eventType").asString(null);
        EventType info = type == null ? null : EventType.byId(type).orElse(null);
        if (info == null) {
            throw new InvalidEventException("unknown eventType: " + type);
        }
        int version = tree.path("schemaVersion").asInt(0);
        if (version < 1 || version > info.version()) {
            throw new InvalidEventException(type + " schemaVersion " + version + " is not supported (up to "
                    + info.version() + ")");
        }
        try {
            return MAPPER.treeToValue(tree, info.record());
        } catch (RuntimeException e) {
            throw new InvalidEventException("invalid " + type + ": " + e.getMessage(), e);
        }
    }
}
