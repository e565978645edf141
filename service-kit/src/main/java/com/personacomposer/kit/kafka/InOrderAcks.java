package com.personacomposer.kit.kafka;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Acknowledges records that finish in any order so that a partition's committed offset only ever moves past records
 * that are done: a record's ack is held back until every earlier record of its partition is done too. Records of a
 * partition this consumer has lost are never acknowledged (their new owner redelivers them from its committed offset).
 * Unlike Spring Kafka's own out-of-order acks, nothing here pauses the consumer while work is pending.
 */
final class InOrderAcks implements ConsumerRebalanceListener {

    private final Map<TopicPartition, Lane> lanes = new ConcurrentHashMap<>();

    /** Called on the consumer thread, in offset order, before the record's work starts. */
    Pending track(ConsumerRecord<?, ?> record, Acknowledgment ack) {
        return lanes.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), partition -> new Lane())
                .add(ack);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> {
            Lane lane = lanes.remove(partition);
            if (lane != null) {
                lane.revoke();
            }
        });
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    }

    /** One record's place in its partition's lane. */
    static final class Pending {
        private final Lane lane;
        private final Acknowledgment ack;
        private boolean done;

        private Pending(Lane lane, Acknowledgment ack) {
            this.lane = lane;
            this.ack = ack;
        }

        /** The record's work is over (done or dead-lettered): acknowledge it once nothing before it is pending. */
        void done() {
            lane.done(this);
        }

        /** The record's work never started: forget it, so that it is neither acknowledged nor waited for. */
        void withdraw() {
            lane.withdraw(this);
        }
    }

    /** The pending records of one partition, oldest first. */
    private static final class Lane {
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();
        private boolean revoked;

        synchronized Pending add(Acknowledgment ack) {
            Pending record = new Pending(this, ack);
            pending.addLast(record);
            return record;
        }

        synchronized void done(Pending record) {
            record.done = true;
            Acknowledgment last = null;
            while (!pending.isEmpty() && pending.peekFirst().done) {
                last = pending.pollFirst().ack;
            }
            if (last != null && !revoked) {
                last.acknowledge();
            }
        }

        synchronized void withdraw(Pending record) {
            pending.remove(record);
        }

        synchronized void revoke() {
            revoked = true;
            pending.clear();
        }
    }
}
