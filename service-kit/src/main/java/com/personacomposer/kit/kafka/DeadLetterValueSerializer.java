package com.personacomposer.kit.kafka;

import com.personacomposer.events.EventCodec;
import com.personacomposer.events.PersonaEvent;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Dead-letter values are either an event that failed processing or the raw bytes of a record that could not even
 * be read (ErrorHandlingDeserializer keeps them); both go out unchanged.
 */
public class DeadLetterValueSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof PersonaEvent event) {
            return EventCodec.toJson(event);
        }
        throw new IllegalArgumentException("cannot dead-letter a " + value.getClass().getName());
    }
}
