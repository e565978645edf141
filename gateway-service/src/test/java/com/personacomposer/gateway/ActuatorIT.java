package com.personacomposer.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.gateway.testing.GatewayIntegrationSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What operators read of the gateway besides health and metrics: the bill of materials it was built from. */
class ActuatorIT extends GatewayIntegrationSupport {

    @Test
    void theSbomNamesTheGatewayAndWhatItIsBuiltFrom() {
        // The bill lists every library: larger than the test client's default buffer.
        byte[] body = client.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 << 20)).build()
                .get().uri("/actuator/sbom/application")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/vnd.cyclonedx+json")
                .expectBody().returnResult().getResponseBody();

        JsonNode bom = JsonMapper.builder().build().readTree(body);
        assertThat(bom.path("bomFormat").asString()).isEqualTo("CycloneDX");
        assertThat(bom.path("metadata").path("component").path("name").asString()).isEqualTo("gateway-service");
        assertThat(bom.path("components")).extracting(component -> component.path("name").asString())
                .contains("service-kit", "common-events", "spring-cloud-gateway-server-webflux")
                .doesNotContain("devstack", "junit-jupiter-api", "lombok");
    }
}
