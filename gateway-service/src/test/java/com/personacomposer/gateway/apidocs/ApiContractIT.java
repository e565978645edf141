package com.personacomposer.gateway.apidocs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.gateway.testing.Backends;
import com.personacomposer.gateway.testing.GatewayIntegrationSupport;
import com.personacomposer.kit.testing.InTurn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriUtils;

/**
 * Real answers of every endpoint, the gateway's own and the routed ones (from persona-service and image-service
 * answering as they really do), checked against the served OpenAPI document, so the document cannot drift from
 * the code. Refusals that need keys, a rate limit or CORS configured are checked in AccessIT.
 */
class ApiContractIT extends GatewayIntegrationSupport {

    static final OpenApiContract CONTRACT = OpenApiContract.load();
    private static final MediaType JSON = MediaType.APPLICATION_JSON;
    /** Operations that succeed only for a principal, even on this open gateway: SignInIT and AccessIT check their answers. */
    private static final Set<String> SIGNED_IN_ONLY = Set.of("GET /api/me", "DELETE /api/personas/{slug}/images/{imageId}",
            "GET /api/webhooks/secret", "POST /api/webhooks/secret/rotate");

    @AfterAll
    static void everyOperationWasCheckedWithASuccess() {
        Set<String> succeeded = CONTRACT.seen().stream()
                .filter(seen -> seen.matches(".* [23]\\d\\d"))
                .map(seen -> seen.substring(0, seen.lastIndexOf(' ')))
                .collect(Collectors.toSet());
        Set<String> open = CONTRACT.operations().stream()
                .filter(operation -> !SIGNED_IN_ONLY.contains(operation))
                .collect(Collectors.toSet());
        assertThat(succeeded).containsAll(open);
        assertThat(CONTRACT.seen()).contains(
                "POST /api/personas 200", "POST /api/personas 201", "POST /api/personas 202", "POST /api/personas 400",
                "POST /api/personas 413", "POST /api/personas 415", "POST /api/personas 503",
                "GET /api/personas 400", "GET /api/personas/{slug} 404",
                "POST /api/personas/{slug}/images/{imageId}/votes 400", "POST /api/personas/{slug}/images/{imageId}/votes 404",
                "GET /api/requests/{requestId} 404", "GET /api/requests/{requestId}/events 404", "GET /api/models 5XX",
                "POST /api/requests/{requestId}/cancel 409", "POST /api/requests/{requestId}/cancel 404",
                "GET /api/webhooks/secret 401", "POST /api/personas 401");
    }

    @Test
    void creatingANewPersona() {
        PersonaName name = PersonaName.of(uniqueName("Zoë"));
        personaServiceRecordsRequests();

        checked(create("{\"name\": \"" + name.displayName() + "\", \"description\": \"tall\\nlikes hats\","
                + " \"mottoTone\": \"sarcastic\", \"model\": \"local\", \"force\": false}"), 202);
        checked(client.post().uri("/api/personas").contentType(JSON).header("Idempotency-Key", "contract-" + UUID.randomUUID())
                .bodyValue(requestBody("{\"name\": \"" + name.displayName() + "\", \"description\": null}")), 202);
    }

    @Test
    void anExistingPersonaIsAnswered() {
        PersonaName name = PersonaName.of(uniqueName("O'Brien"));
        BACKEND.stubFor(put(urlPathMatching("/internal/requests/.*"))
                .withRequestBody(matchingJsonPath("$.slug", equalTo(name.slug())))
                .willReturn(okJson(Backends.persona(name.displayName(), name.slug(), "img-1", "img-2"))
                        .withHeader("Content-Location", "/api/personas/" + encoded(name.slug()))));

        checked(create("{\"name\": \"" + name.displayName() + "\"}"), 200);
    }

    @Test
    void waitingForARequestThatCompletes() {
        PersonaName name = PersonaName.of(uniqueName("Ada"));
        personaServiceRecordsRequests();
        requestStatuses(name, "PENDING", "COMPLETED");
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/" + encoded(name.slug())))
                .willReturn(okJson(Backends.persona(name.displayName(), name.slug(), "img-1"))));

        EntityExchangeResult<byte[]> created = checked(waiting().post().uri("/api/personas").contentType(JSON)
                .header("Prefer", "wait=20").bodyValue(requestBody("{\"name\": \"" + name.displayName() + "\", \"force\": true}")), 201);
        assertThat(created.getResponseHeaders().getFirst("Preference-Applied")).isEqualTo("wait=20");
    }

    @Test
    void waitingForARequestThatFails() {
        PersonaName name = PersonaName.of(uniqueName("Ada"));
        personaServiceRecordsRequests();
        requestStatuses(name, "FAILED");

        EntityExchangeResult<byte[]> failed = checked(waiting().post().uri("/api/personas").contentType(JSON)
                .header("Prefer", "wait=20").bodyValue(requestBody("{\"name\": \"" + name.displayName() + "\", \"force\": true}")), 202);
        assertThat(new String(failed.getResponseBody(), StandardCharsets.UTF_8)).contains("\"FAILED\"", "\"error\"");
    }

    @Test
    void refusedCreations() {
        checked(client.post().uri("/api/personas").contentType(JSON)
                .bodyValue("{\"name\": {\"$gt\": \"\"}, \"description\": \"" + "d".repeat(801) + "\", \"mottoTone\": \"loud\"}"), 400);
        checked(client.post().uri("/api/personas").contentType(JSON).bodyValue("{\"name\": "), 400);
        checked(client.post().uri("/api/personas").contentType(JSON).header("Idempotency-Key", "has spaces")
                .bodyValue("{\"name\": \"Ada\"}"), 400);
        checked(client.post().uri("/api/personas").contentType(JSON)
                .bodyValue("{\"name\": \"Ada\", \"filler\": \"" + "x".repeat(64 * 1024) + "\"}"), 413);
        checked(client.post().uri("/api/personas").contentType(MediaType.TEXT_PLAIN).bodyValue("name=Ada"), 415);
    }

    @Test
    void creatingWhilePersonaServiceFails() {
        BACKEND.stubFor(put(urlPathMatching("/internal/requests/.*")).willReturn(problem(500, "Internal Server Error",
                "The request could not be processed; try again later.", "/internal/requests/x")));

        checked(create("{\"name\": \"" + uniqueName("Ada") + "\"}"), 503);
    }

    @Test
    void listingPersonas() {
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas")).willReturn(okJson(Backends.personaPage(0, 20))));

        checked(client.get().uri("/api/personas?q=zo%C3%AB&page=0&size=20"), 200);

        BACKEND.stubFor(get(urlPathEqualTo("/api/personas")).willReturn(problem(400, "Bad Request",
                "Invalid request parameters.", "/api/personas", "page", "must be greater than or equal to 0")));
        checked(client.get().uri("/api/personas?page=-1"), 400);
    }

    @Test
    void readingAPersona() {
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/zo%C3%AB-o-brien"))
                .willReturn(okJson(Backends.persona("Zoë O'Brien", "zoë-o-brien", "img-1", "img-2"))));
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/nobody")).willReturn(problem(404, "Not Found",
                "no persona has the slug 'nobody'", "/api/personas/nobody")));

        checked(client.get().uri("/api/personas/{slug}", "zoë-o-brien"), 200);
        checked(client.get().uri("/api/personas/nobody"), 404);
    }

    @Test
    void readingAnImageAndRedirectingToItsOriginal() {
        String image = "/api/personas/zo%C3%AB-o-brien/images/img-1";
        BACKEND.stubFor(get(urlPathEqualTo(image)).willReturn(okJson(Backends.image("img-1"))));
        BACKEND.stubFor(get(urlPathEqualTo(image + "/original")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://localhost:9000/persona-images/persona-generations/ab/img-1.png?X-Amz-Signature=0f")
                .withHeader("Cache-Control", "max-age=30, public")));
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/zo%C3%AB-o-brien/images/img-9/original")).willReturn(problem(404,
                "Not Found", "persona 'zoë-o-brien' has no image img-9", "/api/personas/zo%C3%AB-o-brien/images/img-9/original")));

        checked(client.get().uri("/api/personas/{slug}/images/img-1", "zoë-o-brien"), 200);
        EntityExchangeResult<byte[]> redirect = checked(client.get().uri("/api/personas/{slug}/images/img-1/original",
                "zoë-o-brien"), 302);
        assertThat(redirect.getResponseHeaders().getFirst("Location")).endsWith("img-1.png?X-Amz-Signature=0f");
        assertThat(redirect.getResponseHeaders().getCacheControl()).isEqualTo("max-age=30, public");
        checked(client.get().uri("/api/personas/{slug}/images/img-9/original", "zoë-o-brien"), 404);
    }

    @Test
    void pagingAPersonasImages() {
        String next = "/api/personas/zo%C3%AB-o-brien/images?after=img-2&limit=2";
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/zo%C3%AB-o-brien/images"))
                .withQueryParam("after", equalTo("img-1"))
                .willReturn(okJson(Backends.imagePage(next, "img-2"))));
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/zo%C3%AB-o-brien/images"))
                .withQueryParam("after", equalTo("img-2"))
                .willReturn(okJson(Backends.imagePage(null))));
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/zo%C3%AB-o-brien/images"))
                .withQueryParam("limit", equalTo("0"))
                .willReturn(problem(400, "Bad Request", "Invalid request parameters.",
                        "/api/personas/zo%C3%AB-o-brien/images", "limit", "must be greater than or equal to 1")));

        checked(client.get().uri("/api/personas/{slug}/images?after=img-1&limit=2", "zoë-o-brien"), 200);
        checked(client.get().uri("/api/personas/{slug}/images?after=img-2&limit=2", "zoë-o-brien"), 200);
        checked(client.get().uri("/api/personas/{slug}/images?limit=0", "zoë-o-brien"), 400);
    }

    @Test
    void voting() {
        String votes = "/api/personas/ada/images/img-1/votes";
        BACKEND.stubFor(post(urlPathEqualTo(votes)).willReturn(okJson(Backends.votes("img-1", 4, 1, "up"))));
        BACKEND.stubFor(post(urlPathEqualTo("/api/personas/ada/images/img-9/votes")).willReturn(problem(404, "Not Found",
                "persona 'ada' has no image img-9", "/api/personas/ada/images/img-9/votes")));
        BACKEND.stubFor(post(urlPathEqualTo("/api/personas/ada/images/img-2/votes")).willReturn(problem(400, "Bad Request",
                "Invalid request content.", "/api/personas/ada/images/img-2/votes",
                "direction", "must be up or down")));

        CONTRACT.assertRequestBody("POST", votes, JSON, "{\"direction\":\"up\"}");
        checked(client.post().uri(votes).contentType(JSON).bodyValue("{\"direction\":\"up\"}"), 200);
        checked(client.post().uri("/api/personas/ada/images/img-9/votes").contentType(JSON).bodyValue("{\"direction\":\"down\"}"), 404);
        checked(client.post().uri("/api/personas/ada/images/img-2/votes").contentType(JSON).bodyValue("{\"direction\":\"sideways\"}"), 400);
    }

    @Test
    void withdrawingAVote() {
        String votes = "/api/personas/ada/images/img-1/votes";
        BACKEND.stubFor(delete(urlPathEqualTo(votes)).willReturn(okJson(Backends.votes("img-1", 3, 1, null))));
        BACKEND.stubFor(delete(urlPathEqualTo("/api/personas/ada/images/img-9/votes")).willReturn(problem(404,
                "Not Found", "persona 'ada' has no image img-9", "/api/personas/ada/images/img-9/votes")));

        checked(client.delete().uri(votes), 200);
        checked(client.delete().uri("/api/personas/ada/images/img-9/votes"), 404);
    }

    @Test
    void readingRequests() {
        String pending = UUID.randomUUID().toString();
        String failed = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();
        BACKEND.stubFor(get(urlPathEqualTo("/api/requests/" + pending)).willReturn(okJson(
                Backends.requestStatus(pending, "Ada", "ada", "PENDING", "DONE", "PENDING", "DONE", null, null))));
        BACKEND.stubFor(get(urlPathEqualTo("/api/requests/" + failed)).willReturn(okJson(Backends.requestStatus(
                failed, "Ada", "ada", "FAILED", "FAILED", "PENDING", "DONE", "image", "the provider refused the prompt"))));
        BACKEND.stubFor(get(urlPathEqualTo("/api/requests/" + unknown)).willReturn(problem(404, "Not Found",
                "no request has the id '" + unknown + "'", "/api/requests/" + unknown)));

        String canceled = UUID.randomUUID().toString();
        String retrying = UUID.randomUUID().toString();
        BACKEND.stubFor(get(urlPathEqualTo("/api/requests/" + canceled)).willReturn(okJson(Backends.withWebhook(
                Backends.canceled(canceled, "Ada", "ada"), "delivered", 1, 204, null))));
        BACKEND.stubFor(get(urlPathEqualTo("/api/requests/" + retrying)).willReturn(okJson(Backends.withWebhook(
                Backends.completed(retrying, "Ada", "ada"), "pending", 2, 500, "2026-01-05T10:01:03Z"))));

        checked(client.get().uri("/api/requests/{id}", pending), 200);
        checked(client.get().uri("/api/requests/{id}", failed), 200);
        checked(client.get().uri("/api/requests/{id}", canceled), 200);
        checked(client.get().uri("/api/requests/{id}", retrying), 200);
        checked(client.get().uri("/api/requests/{id}", unknown), 404);
    }

    @Test
    void followingARequestsEvents() {
        String requestId = UUID.randomUUID().toString();
        String imageDone = Backends.requestStatus(requestId, "Ada", "ada", "PENDING", "DONE", "PENDING", "PENDING", null, null);
        InTurn.stub(BACKEND, () -> get(urlPathEqualTo("/api/requests/" + requestId)), okJson(imageDone),
                okJson(Backends.completed(requestId, "Ada", "ada")));

        EntityExchangeResult<byte[]> events = checked(waiting().get().uri("/api/requests/{id}/events", requestId)
                .accept(MediaType.TEXT_EVENT_STREAM), 200);
        assertThat(new String(events.getResponseBody(), StandardCharsets.UTF_8)).contains("event:status", "event:completed");

        String unknown = UUID.randomUUID().toString();
        BACKEND.stubFor(get(urlPathEqualTo("/api/requests/" + unknown)).willReturn(problem(404, "Not Found",
                "no request has the id '" + unknown + "'", "/api/requests/" + unknown)));
        checked(client.get().uri("/api/requests/{id}/events", unknown), 404);
    }

    @Test
    void waitingForARequestThatIsCanceled() {
        PersonaName name = PersonaName.of(uniqueName("Ada"));
        personaServiceRecordsRequests();
        requestStatuses(name, "PENDING", "CANCELED");

        EntityExchangeResult<byte[]> canceled = checked(waiting().post().uri("/api/personas").contentType(JSON)
                .header("Prefer", "wait=20").bodyValue(requestBody("{\"name\": \"" + name.displayName() + "\", \"force\": true}")), 202);
        assertThat(new String(canceled.getResponseBody(), StandardCharsets.UTF_8)).contains("\"CANCELED\"");
    }

    @Test
    void cancelingRequests() {
        String pending = UUID.randomUUID().toString();
        String finished = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();
        BACKEND.stubFor(post(urlPathEqualTo("/api/requests/" + pending + "/cancel")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(Backends.canceled(pending, "Ada", "ada"))));
        BACKEND.stubFor(post(urlPathEqualTo("/api/requests/" + finished + "/cancel")).willReturn(problem(409, "Conflict",
                "request " + finished + " has already completed; it can no longer be canceled",
                "/api/requests/" + finished + "/cancel")));
        BACKEND.stubFor(post(urlPathEqualTo("/api/requests/" + unknown + "/cancel")).willReturn(problem(404, "Not Found",
                "no request has the id '" + unknown + "'", "/api/requests/" + unknown + "/cancel")));

        checked(client.post().uri("/api/requests/{id}/cancel", pending), 202);
        checked(client.post().uri("/api/requests/{id}/cancel", finished), 409);
        checked(client.post().uri("/api/requests/{id}/cancel", unknown), 404);
    }

    @Test
    void webhooksNeedAPrincipal() {
        checked(create("{\"name\": \"" + uniqueName("Ada") + "\", \"webhook\": \"https://hooks.example.com/p\"}"), 401);
        checked(client.get().uri("/api/webhooks/secret"), 401);
        checked(client.post().uri("/api/webhooks/secret/rotate"), 401);
    }

    @Test
    void modelsAndHealth() {
        BACKEND.stubFor(get(urlPathEqualTo("/api/models")).willReturn(okJson(Backends.models())));

        checked(client.get().uri("/api/models"), 200);
        checked(client.get().uri("/api/health"), 200);
        checked(client.get().uri("/api/auth/config"), 200);
    }

    @Test
    void aFailingBackendIsAServerError() {
        BACKEND.stubFor(get(urlPathEqualTo("/api/models")).willReturn(problem(503, "Service Unavailable",
                "The request could not be processed; try again later.", "/api/models")));

        checked(client.get().uri("/api/models"), 503);
    }

    @Test
    void theDocumentIsServedAsYamlAndJsonWithABrowsableUi() {
        String yaml = client.get().uri("/openapi.yaml").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/yaml")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(yaml).startsWith("openapi: 3.1.0");
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(JSON)
                .expectBody().jsonPath("$.openapi").isEqualTo("3.1.0")
                .jsonPath("$.paths['/api/personas'].post.operationId").isEqualTo("createPersona");
        client.get().uri("/swagger-ui").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().exists("Content-Security-Policy")
                .expectBody(String.class).value(page -> assertThat(page)
                        .contains("/swagger-ui/swagger-ui-bundle.js", "/swagger-ui/swagger-initializer.js")
                        .doesNotContain("<script>"));
        client.get().uri("/swagger-ui/swagger-initializer.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains("url: '/openapi.yaml'"));
        client.get().uri("/swagger-ui/swagger-ui-bundle.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript");
        client.get().uri("/swagger-ui/swagger-ui.css").exchange().expectStatus().isOk();
    }

    /** Sends the request, checks its answer has the status expected and matches the document. */
    private static EntityExchangeResult<byte[]> checked(WebTestClient.RequestHeadersSpec<?> request, int status) {
        EntityExchangeResult<byte[]> result = request.exchange().expectStatus().isEqualTo(status).expectBody().returnResult();
        CONTRACT.assertResponse(result);
        return result;
    }

    private WebTestClient.RequestHeadersSpec<?> create(String body) {
        return client.post().uri("/api/personas").contentType(JSON).bodyValue(requestBody(body));
    }

    /** A valid request body, checked against the document too. */
    private static String requestBody(String body) {
        CONTRACT.assertRequestBody("POST", "/api/personas", JSON, body);
        return body;
    }

    private WebTestClient waiting() {
        return client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static ResponseDefinitionBuilder problem(int status, String title, String detail, String instance,
                                                     String... fieldsAndMessages) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody(Backends.problem(status, title, detail, instance, fieldsAndMessages));
    }

    private static String encoded(String slug) {
        return UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
    }
}
