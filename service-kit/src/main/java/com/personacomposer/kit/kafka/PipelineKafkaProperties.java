package com.personacomposer.kit.kafka;

import com.personacomposer.events.FailureStage;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a service uses the pipeline topics.
 *
 * @param partitions        partitions of every pipeline topic and its dead-letter topic
 * @param replicationFactor replicas of every topic (1 on a single local broker)
 * @param retries           redeliveries of a failing record before it is dead-lettered
 * @param retryBackoff      first pause between redeliveries (doubled each time, up to ten times this)
 * @param sendTimeout       how long a publish may wait for the broker's acknowledgement
 * @param failureStage      the stage a request failed in when this service dead-letters one of its events
 *                          (null: this service's dead letters fail no request)
 * @param maxInFlight       records a ConcurrentStage works on at once (the bound on concurrent provider calls)
 */
@Validated
@ConfigurationProperties("persona.kafka")
public record PipelineKafkaProperties(
        @Min(1) @Max(1000) int partitions,
        @Min(1) @Max(5) short replicationFactor,
        @Min(0) @Max(20) int retries,
        @NotNull Duration retryBackoff,
        @NotNull Duration sendTimeout,
        FailureStage failureStage,
        @Min(1) @Max(4096) int maxInFlight) {
}
