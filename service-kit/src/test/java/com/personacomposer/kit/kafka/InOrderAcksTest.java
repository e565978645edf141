package com.personacomposer.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** A partition's committed offset only moves past records whose work is over, whatever order they finish in. */
class InOrderAcksTest {

    private final InOrderAcks acks = new InOrderAcks();
    private final List<String> acknowledged = new ArrayList<>();

    private InOrderAcks.Pending track(int partition, long offset) {
        var record = new ConsumerRecord<>("image.generated", partition, offset, "ada", "event");
        return acks.track(record, () -> acknowledged.add(partition + "@" + offset));
    }

    @Test
    void aRecordThatFinishesEarlyWaitsForTheOnesBeforeIt() {
        var first = track(0, 10);
        var second = track(0, 11);
        var third = track(0, 12);

        third.done();
        second.done();
        assertThat(acknowledged).as("10 is still pending: nothing may be committed").isEmpty();

        first.done();
        assertThat(acknowledged).as("one ack for the whole done prefix").containsExactly("0@12");
    }

    @Test
    void partitionsAreIndependent() {
        var slow = track(0, 5);
        var fast = track(1, 7);

        fast.done();

        assertThat(acknowledged).containsExactly("1@7");
        slow.done();
        assertThat(acknowledged).containsExactly("1@7", "0@5");
    }

    @Test
    void aWithdrawnRecordIsNeitherAcknowledgedNorWaitedFor() {
        var first = track(0, 1);
        var rejected = track(0, 2);

        rejected.withdraw();
        first.done();

        assertThat(acknowledged).containsExactly("0@1");
    }

    @Test
    void recordsOfALostPartitionAreNeverAcknowledged() {
        var before = track(0, 3);

        acks.onPartitionsRevoked(Set.of(new TopicPartition("image.generated", 0)));
        before.done();
        var redelivered = track(0, 3);
        redelivered.done();

        assertThat(acknowledged).as("only the redelivery, by this partition's new lane").containsExactly("0@3");
    }
}
