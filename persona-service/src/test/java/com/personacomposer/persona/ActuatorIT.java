package com.personacomposer.persona;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.persona.testing.Pipeline;
import com.personacomposer.persona.testing.ServiceTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What operators read of the running service: health, metrics and the bill of materials it was built from. */
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

    @Test
    void theSbomNamesTheServiceAndWhatItIsBuiltFrom() {
        assertThat(pipeline.get("/actuator/sbom").json().path("ids"))
                .extracting(JsonNode::asString).containsExactly("application");

        Pipeline.Response sbom = pipeline.get("/actuator/sbom/application");

        assertThat(sbom.status()).isEqualTo(200);
        assertThat(sbom.contentType()).startsWith("application/vnd.cyclonedx+json");
        JsonNode bom = sbom.json();
        assertThat(bom.path("bomFormat").asString()).isEqualTo("CycloneDX");
        assertThat(bom.path("metadata").path("component").path("name").asString()).isEqualTo("persona-service");
        assertThat(bom.path("components")).extracting(component -> component.path("name").asString())
                .contains("service-kit", "common-events", "mongodb-driver-sync", "spring-boot")
                .doesNotContain("devstack", "junit-jupiter-api", "lombok");
    }
}
