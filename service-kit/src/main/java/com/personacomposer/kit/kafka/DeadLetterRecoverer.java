package com.personacomposer.kit.kafka;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.Topics;
import com.personacomposer.kit.reason.PublicReasons;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * The end of the line for a record: it goes to {@code <topic>-dlt} (with Spring's exception headers), and when it
 * belongs to a known request that request is failed at this service's stage, so nothing fails silently (the reason
 * without addresses: it is shown to the person who asked). Each
 * dead-lettered record is counted ({@value #METER}, tagged with the topic it came from).
 */
public class DeadLetterRecoverer implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);
    private static final int MAX_REASON = 300;
    static final String METER = "persona.dead.letters";

    private final DeadLetterPublishingRecoverer deadLetters;
    private final EventPublisher publisher;
    private final FailureStage stage;
    private final MeterRegistry meters;

    public DeadLetterRecoverer(DeadLetterPublishingRecoverer deadLetters, EventPublisher publisher, FailureStage stage,
                               MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.publisher = publisher;
        this.stage = stage;
        this.meters = meters;
        // Present at 0 from the start: a dashboard shows "none" rather than "no data", and the first one counts in rate().
        Topics.ALL.forEach(this::counter);
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        deadLetters.accept(record, exception);
        counter(record.topic()).increment();
        log.warn("dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason(exception));
        if (stage != null && record.value() instanceof PersonaEvent event && !(event instanceof PersonaFailed)) {
            publisher.publish(PersonaFailed.of(event.requestId(), event.personaKey(), stage,
                    PublicReasons.scrub("could not process " + event.eventType() + ": " + reason(exception))));
        }
    }

    private Counter counter(String topic) {
        return Counter.builder(METER)
                .description("Records given up on and sent to the dead-letter topic, by the topic they came from")
                .tag("topic", topic)
                .register(meters);
    }

    /** The innermost message: the wrappers Spring adds say nothing a person needs. */
    static String reason(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() <= MAX_REASON ? message : message.substring(0, MAX_REASON) + "…";
    }
}
