package com.personacomposer.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document itself: valid OpenAPI 3.1, complete, its references and examples sound. */
class OpenApiDocumentTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.load();
    private static final String REQUEST_ID = "2f1c7e0a-3b5d-4c8e-9f10-1a2b3c4d5e6f";

    @Test
    void isValidOpenApi31() throws Exception {
        String yaml;
        try (var in = getClass().getClassLoader().getResourceAsStream(ApiDocument.LOCATION)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void documentsEveryEndpointOfThePublicApi() {
        assertThat(CONTRACT.operations()).containsExactlyInAnyOrder(
                "POST /api/personas",
                "GET /api/personas",
                "GET /api/personas/{slug}",
                "GET /api/personas/{slug}/images",
                "POST /api/personas/{slug}/images/{imageId}/votes",
                "DELETE /api/personas/{slug}/images/{imageId}/votes",
                "DELETE /api/personas/{slug}/images/{imageId}",
                "GET /api/personas/{slug}/images/{imageId}",
                "GET /api/personas/{slug}/images/{imageId}/original",
                "GET /api/requests/{requestId}",
                "GET /api/requests/{requestId}/events",
                "POST /api/requests/{requestId}/cancel",
                "GET /api/webhooks/secret",
                "POST /api/webhooks/secret/rotate",
                "GET /api/models",
                "GET /api/health",
                "GET /api/auth/config",
                "GET /api/me");
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(CONTRACT.document(), refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(CONTRACT.document().at(ref.substring(1)).isMissingNode())
                .as(ref).isFalse());
    }

    @Test
    void everyJsonExampleMatchesItsSchema() {
        List<String> problems = new ArrayList<>();
        int examples = checkExamples(CONTRACT.document(), problems);

        assertThat(examples).isGreaterThanOrEqualTo(2);
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckerReportsABodyThatDoesNotMatch() {
        HttpHeaders json = headers(MediaType.APPLICATION_JSON);

        assertThat(CONTRACT.checkResponse("GET", "/api/personas/ada", 200, json,
                bytes("{\"name\":\"Ada\",\"createdAt\":\"yesterday\",\"updatedAt\":\"2026-01-05T10:00:00Z\",\"images\":[]}")))
                .anySatisfy(problem -> assertThat(problem).contains("slug"))
                .anySatisfy(problem -> assertThat(problem).contains("date-time"));
        assertThat(CONTRACT.checkResponse("GET", "/api/models", 200, json,
                bytes("{\"default\":\"midjourney\",\"models\":[]}"))).isNotEmpty();
    }

    @Test
    void theCheckerReportsAnUndocumentedStatusContentTypeOrPath() {
        assertThat(CONTRACT.checkResponse("GET", "/api/health", 404, headers(MediaType.APPLICATION_PROBLEM_JSON),
                bytes("{\"title\":\"Not Found\",\"status\":404}"))).singleElement().asString().contains("404");
        assertThat(CONTRACT.checkResponse("GET", "/api/health", 200, headers(MediaType.TEXT_PLAIN), bytes("Healthy!")))
                .singleElement().asString().contains("text/plain");
        assertThat(CONTRACT.checkResponse("DELETE", "/api/personas/ada", 204, new HttpHeaders(), null))
                .singleElement().asString().contains("no documented operation");
    }

    @Test
    void theCheckerReportsAMissingRequiredHeaderAndABadEvent() {
        String accepted = "{\"requestId\":\"" + REQUEST_ID + "\",\"personaName\":\"Ada\",\"slug\":\"ada\",\"status\":\"PENDING\"}";

        assertThat(CONTRACT.checkResponse("POST", "/api/personas", 202, headers(MediaType.APPLICATION_JSON), bytes(accepted)))
                .singleElement().asString().contains("Location");
        HttpHeaders tooMany = headers(MediaType.APPLICATION_PROBLEM_JSON);
        tooMany.set(HttpHeaders.RETRY_AFTER, "soon");
        assertThat(CONTRACT.checkResponse("POST", "/api/personas", 429, tooMany,
                bytes("{\"title\":\"Too Many Requests\",\"status\":429}"))).singleElement().asString().contains("Retry-After");
        assertThat(CONTRACT.checkResponse("GET", "/api/requests/" + REQUEST_ID + "/events", 200,
                headers(MediaType.TEXT_EVENT_STREAM), bytes("event:done\ndata:{}\n\n"))).singleElement().asString()
                .contains("'done' is not documented");
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                if (entry.getKey().equals("$ref")) {
                    refs.add(entry.getValue().asString());
                } else {
                    collectRefs(entry.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }

    /** Examples of JSON media types, checked against the media type's schema; how many there were. */
    private static int checkExamples(JsonNode node, List<String> problems) {
        int count = 0;
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                JsonNode media = entry.getValue();
                if (entry.getKey().endsWith("json") && media.isObject() && media.has("schema")) {
                    if (media.has("example")) {
                        CONTRACT.validate(media.path("schema"), media.path("example"), entry.getKey() + " example", problems);
                        count++;
                    }
                    for (JsonNode example : media.path("examples")) {
                        CONTRACT.validate(media.path("schema"), example.path("value"), entry.getKey() + " example", problems);
                        count++;
                    }
                } else {
                    count += checkExamples(media, problems);
                }
            }
        }
        return count;
    }

    private static HttpHeaders headers(MediaType contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(contentType);
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
