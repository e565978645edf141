package com.personacomposer.kit.observability;

import com.personacomposer.events.PersonaEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts the requestId of the event being handled into the logging context, so every log line a listener writes
 * (structured logs carry MDC fields) can be found by requestId across all services, beside traceId and spanId.
 */
public class RequestIdLogging implements RecordInterceptor<Object, Object> {

    public static final String MDC_KEY = "requestId";

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        if (record.value() instanceof PersonaEvent event) {
            MDC.put(MDC_KEY, event.requestId().toString());
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(MDC_KEY);
    }
}
