package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.test.DevStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/** The packaged benchmark runs against a live stack and reports its figures (no timing is asserted: that is its job). */
@Order(10)
@ResourceLock(RunningSystem.LOCK)
@ExtendWith(DevStackExtension.class)
class BenchSmokeIT {

    private static final Path JAR = Path.of("..", "bench", "target", "bench.jar");

    @Test
    void benchDrivesTheApiAndWritesItsFigures() throws Exception {
        Path output = Files.createTempFile("bench-", ".json");
        Path log = Files.createTempFile("bench-", ".log");
        Process bench = new ProcessBuilder(List.of(
                ServiceProcesses.JAVA, "-jar", JAR.toString(), "create",
                "--base-url", RunningSystem.get().gateway(), "--requests", "6", "--concurrency", "3", "--output", output.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        assertThat(bench.waitFor(120, TimeUnit.SECONDS)).as("bench finishes").isTrue();
        assertThat(bench.exitValue()).as(Files.readString(log)).isZero();
        String printed = Files.readString(log);
        assertThat(printed).contains("completedPerSecond", "e2eP99Ms", "stackRssMb");
        JsonNode figures = Api.JSON.readTree(Files.readString(output));
        assertThat(figures.get("completed").asInt()).isEqualTo(6);
        assertThat(figures.get("failures").asInt()).isZero();
        assertThat(figures.get("e2eP50Ms").asDouble()).isPositive();
        assertThat(figures.get("stackRssMb").asLong()).as("the service JVMs are found").isPositive();
    }
}
