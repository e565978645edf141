package com.personacomposer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void growthTakesItsCountsInAscendingOrderAndDefaultsToTheIssuesSizes() {
        BenchOptions defaults = BenchOptions.parse(new String[] {"growth"});
        BenchOptions given = BenchOptions.parse(new String[] {"growth", "--personas", "100000,1000",
                "--images", "5000", "--await-covers", "30s", "--mongo-uri", "mongodb://db:27017", "--samples", "20"});

        assertThat(defaults.scenario()).isEqualTo("growth");
        assertThat(defaults.growth().personaCounts()).containsExactly(1_000, 100_000);
        assertThat(defaults.growth().imageCounts()).containsExactly(1, 50, 5_000);
        assertThat(defaults.growth().samples()).isEqualTo(200);
        assertThat(defaults.growth().awaitCovers()).isZero();
        assertThat(given.growth().personaCounts()).containsExactly(1_000, 100_000);
        assertThat(given.growth().imageCounts()).containsExactly(5_000);
        assertThat(given.growth().awaitCovers()).isEqualTo(Duration.ofSeconds(30));
        assertThat(given.growth().mongoUri()).isEqualTo("mongodb://db:27017");
        assertThat(given.growth().samples()).isEqualTo(20);
    }

    @Test
    void anUnknownScenarioIsRefused() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"grow"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grow");
    }
}
