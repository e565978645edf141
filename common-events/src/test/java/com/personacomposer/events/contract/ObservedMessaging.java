package com.personacomposer.events.contract;

import java.util.List;
import java.util.Set;

/**
 * What a service really does on Kafka, as found in its code: its listeners (topic and the consumer group id they
 * join) and the topics it publishes to (dead-letter topics included).
 */
public record ObservedMessaging(List<Listener> listeners, Set<String> sends) {

    /** One topic of one listener, with the group id the listener joins (an example of it for per-instance groups). */
    public record Listener(String topic, String groupId, String where) {
    }
}
