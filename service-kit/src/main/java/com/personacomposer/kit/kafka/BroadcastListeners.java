package com.personacomposer.kit.kafka;

/**
 * Listeners that every instance of a service runs in a consumer group of its own ({@code <application>-<random
 * UUID>}), to hear every record of a topic rather than a share of it: finishes for the gateway's waits, cancels for
 * the stages. Their container factory ({@value #CONTAINER_FACTORY}, from {@link PipelineKafkaAutoConfiguration}) is
 * not the pipeline's: a record such a listener cannot read is logged and skipped rather than retried and
 * dead-lettered once per instance, and the offsets of a group that is never joined again are left to the client's
 * periodic auto-commit rather than committed per poll.
 */
public final class BroadcastListeners {

    public static final String CONTAINER_FACTORY = "broadcastListenerContainerFactory";

    private BroadcastListeners() {
    }
}
