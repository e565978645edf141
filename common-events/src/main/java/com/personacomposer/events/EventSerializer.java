package com.personacomposer.events;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for pipeline events. */
public class EventSerializer implements Serializer<PersonaEvent> {

    @Override
    public byte[] serialize(String topic, PersonaEvent event) {
        return event == null ? null : EventCodec.toJson(event);
    }
}
