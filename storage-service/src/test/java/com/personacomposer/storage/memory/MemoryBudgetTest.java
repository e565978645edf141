package com.personacomposer.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MemoryBudget budget = new MemoryBudget(100, meters);

    @Test
    void reservesGivesBackAndPublishesWhatIsHeld() {
        try (MemoryBudget.Reservation first = budget.reserve(60)) {
            assertThat(inFlight()).isEqualTo(60);
            assertThat(first.resizeTo(20)).isTrue();
            try (MemoryBudget.Reservation second = budget.reserve(70)) {
                assertThat(inFlight()).isEqualTo(90);
                assertThat(second.held()).isEqualTo(70);
            }
        }
        assertThat(inFlight()).isZero();
        assertThat(meters.get("persona.storage.in.flight.peak").gauge().value()).isEqualTo(90);
        assertThat(meters.get("persona.storage.in.flight.limit").gauge().value()).isEqualTo(100);
    }

    @Test
    void growingNeverWaitsItSaysNoWhenTheBytesAreNotFree() {
        try (MemoryBudget.Reservation first = budget.reserve(50);
             MemoryBudget.Reservation second = budget.reserve(40)) {
            assertThat(first.resizeTo(70)).isFalse();
            assertThat(first.held()).isEqualTo(50);
            assertThat(first.resizeTo(60)).isTrue();
            assertThat(inFlight()).isEqualTo(100);
            assertThat(second.held()).isEqualTo(40);
        }
    }

    @Test
    void aReservationWaitsUntilEnoughIsGivenBack() throws Exception {
        MemoryBudget.Reservation first = budget.reserve(80);
        CompletableFuture<MemoryBudget.Reservation> waiting = CompletableFuture.supplyAsync(() -> budget.reserve(50));

        assertThat(waiting).isNotDone();
        first.close();

        try (MemoryBudget.Reservation second = waiting.get(10, TimeUnit.SECONDS)) {
            assertThat(second.held()).isEqualTo(50);
        }
        assertThat(budget.peak()).isEqualTo(80);
    }

    @Test
    void refusesToReserveMoreThanTheWholeBudget() {
        assertThatThrownBy(() -> budget.reserve(101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("101 bytes exceed the in-flight budget of 100 bytes");
    }

    private double inFlight() {
        return meters.get("persona.storage.in.flight").gauge().value();
    }
}
