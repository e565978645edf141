package com.personacomposer.events;

import org.apache.kafka.common.serialization.Deserializer;

/** Kafka value deserializer for pipeline events; throws {@link InvalidEventException} for poison records. */
public class EventDeserializer implements Deserializer<PersonaEvent> {

    @Override
    public PersonaEvent deserialize(String topic, byte[] data) {
        return data == null ? null : EventCodec.fromJson(data);
    }
}
