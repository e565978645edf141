package com.personacomposer.gateway.downstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.personacomposer.gateway.testing.Backends;
import com.personacomposer.gateway.testing.GatewayIntegrationSupport;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Reads, votes and models go to the backends as they are; their answers (404s included) come back unchanged. */
class RoutesIT extends GatewayIntegrationSupport {

    @Test
    void aPersonaIsReadFromPersonaServiceByItsPercentEncodedSlug() {
        readsAsPersonaServiceAnswers(get(urlPathEqualTo("/api/personas/zo%C3%AB")),
                Backends.persona("Zoë", "zoë", "img-1"), "/api/personas/{slug}", "zoë");
    }

    @Test
    void theListKeepsItsQuery() {
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas"))
                .withQueryParam("q", equalTo("ada")).withQueryParam("page", equalTo("1")).withQueryParam("size", equalTo("5"))
                .willReturn(okJson(Backends.personaPage(1, 5))));

        client.get().uri("/api/personas?q=ada&page=1&size=5")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.size").isEqualTo(5);
    }

    @Test
    void aPageOfImagesKeepsItsCursorAndLimit() {
        readsAsPersonaServiceAnswers(get(urlPathEqualTo("/api/personas/zo%C3%AB/images"))
                        .withQueryParam("after", equalTo("img-2")).withQueryParam("limit", equalTo("2")),
                Backends.imagePage(null, "img-3"), "/api/personas/{slug}/images?after=img-2&limit=2", "zoë");
    }

    @Test
    void aRequestStatusIsReadFromPersonaService() {
        UUID requestId = UUID.randomUUID();
        readsAsPersonaServiceAnswers(get(urlPathEqualTo("/api/requests/" + requestId)),
                Backends.pending(requestId.toString(), "Ada", "ada"), "/api/requests/{id}", requestId);
    }

    @Test
    void persona404sPassThroughUnchanged() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No persona nobody\",\"instance\":\"/api/personas/nobody\"}";
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/nobody")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody(problem)));

        client.get().uri("/api/personas/nobody")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).isEqualTo(problem);
    }

    @Test
    void votesGoToPersonaService() {
        BACKEND.stubFor(post(urlPathEqualTo("/api/personas/ada/images/img-1/votes"))
                .withRequestBody(equalToJson("{\"direction\":\"up\"}"))
                .willReturn(okJson(Backends.votes("img-1", 2, 0, "up"))));

        client.post().uri("/api/personas/ada/images/img-1/votes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"direction\":\"up\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.upvotes").isEqualTo(2);
    }

    @Test
    void modelsComeFromImageService() {
        BACKEND.stubFor(get(urlPathEqualTo("/api/models"))
                .willReturn(okJson(Backends.models())));

        client.get().uri("/api/models")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.default").isEqualTo("local");
    }

    @Test
    void otherMethodsOnTheCollectionAreNotRouted() {
        client.delete().uri("/api/personas/ada")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void healthIsKeptFromTheOriginalApp() {
        client.get().uri("/api/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"status\":\"Healthy!\"}");
        client.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk();
    }

    /** GET {@code uri} on the gateway answers 200 with exactly the body persona-service answers to {@code call}. */
    private void readsAsPersonaServiceAnswers(MappingBuilder call, String body, String uri, Object... uriVariables) {
        BACKEND.stubFor(call.willReturn(okJson(body)));

        client.get().uri(uri, uriVariables)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(body);
    }
}
