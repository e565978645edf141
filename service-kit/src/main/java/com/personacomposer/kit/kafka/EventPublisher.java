package com.personacomposer.kit.kafka;

import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.Topics;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/** Publishes pipeline events to their topic, keyed by persona, so one persona's events stay in order. */
public class EventPublisher {

    private final KafkaTemplate<String, PersonaEvent> template;
    private final Duration sendTimeout;

    public EventPublisher(KafkaTemplate<String, PersonaEvent> template, Duration sendTimeout) {
        this.template = template;
        this.sendTimeout = sendTimeout;
    }

    public CompletableFuture<SendResult<String, PersonaEvent>> publishAsync(PersonaEvent event) {
        return template.send(Topics.of(event), event.personaKey(), event);
    }

    /**
     * Publishes and waits until the broker has the event (acks=all), so a listener that calls this commits its own
     * offset only after the next event is durable.
     */
    public void publish(PersonaEvent event) {
        try {
            publishAsync(event).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublishException(event, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventPublishException(event, e);
        }
    }

    /** The broker did not take the event in time; the caller's record will be redelivered. */
    public static class EventPublishException extends RuntimeException {
        EventPublishException(PersonaEvent event, Throwable cause) {
            super("could not publish " + event.eventType() + " of request " + event.requestId(), cause);
        }
    }
}
