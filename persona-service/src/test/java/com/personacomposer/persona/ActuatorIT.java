package com.personacomposer.persona;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.persona.testing.Pipeline;
import com.personacomposer.persona.testing.ServiceTestSupport;
import org.junit.jupiter.api.Test;

/** What operators read of the running service: health, metrics. */
class ActuatorIT extends ServiceTestSupport {

    @Test
    void healthIsUpWithTheDatabaseAndMetricsAreScraped() {
        Pipeline.Response health = pipeline.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(pipeline.get("/actuator/health/readiness").status()).isEqualTo(200);
        Pipeline.Response metrics = pipeline.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("mongodb_driver_commands_seconds");
    }
}
