package com.personacomposer.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whatever a client sends to POST /api/personas, the answer is never a server error: random JSON in which the known
 * fields take any type and any text, random non-JSON, and cut-off JSON.
 */
class CreatePersonaPropertyTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIELDS = List.of("name", "description", "mottoTone", "model", "force");

    private HandlerFixture fixture;

    @BeforeProperty
    void startFixture() {
        fixture = new HandlerFixture();
    }

    @Property(tries = 300)
    void neverAServerErrorForAnyJsonObject(@ForAll("bodies") String body) {
        assertNoServerError(body);
    }

    @Property(tries = 150)
    void neverAServerErrorForAnyText(@ForAll("garbage") String body) {
        assertNoServerError(body);
    }

    private void assertNoServerError(String body) {
        EntityExchangeResult<byte[]> result = fixture.client.post().uri("/api/personas")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectBody().returnResult();

        int status = result.getStatus().value();
        assertThat(status).as("status for %s", body).isIn(200, 202, 400, 413);
        if (status >= 400) {
            assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<Map<String, JsonNode>> known = Arbitraries.maps(Arbitraries.of(FIELDS), value()).ofMaxSize(5);
        Arbitrary<Map<String, JsonNode>> unknown = Arbitraries.maps(text(), value()).ofMaxSize(3);
        return known.flatMap(fields -> unknown.map(extra -> {
            ObjectNode body = NODES.objectNode();
            extra.forEach(body::set);
            fields.forEach(body::set);
            return body.toString();
        }));
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                bodies().map(json -> json.substring(0, json.length() / 2)),
                Arbitraries.of("null", "true", "[]", "1e999999", "\"\\ud800\"", "{\"name\":\"\\u0000\"}",
                        "[".repeat(2000) + "]".repeat(2000), "{\"name\":" + "9".repeat(5000) + "}"));
    }

    private Arbitrary<JsonNode> value() {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                text().map(NODES::stringNode),
                Arbitraries.of("neutral", "sarcastic", "local", "dall-e", "openjourney", "$gt").map(NODES::stringNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        Arbitrary<JsonNode> operator = Arbitraries.of("$gt", "$ne", "$where", "$regex")
                .flatMap(op -> text().map(arg -> (JsonNode) NODES.objectNode().put(op, arg)));
        Arbitrary<JsonNode> array = scalar.list().ofMaxSize(3).map(items -> {
            var node = NODES.arrayNode();
            items.forEach(node::add);
            return node;
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalar), net.jqwik.api.Tuple.of(1, operator), net.jqwik.api.Tuple.of(1, array));
    }

    /** Any text, control characters and lone surrogates included, sometimes longer than any limit. */
    private static Arbitrary<String> text() {
        Arbitrary<Character> anyChar = Arbitraries.chars().all();
        return Arbitraries.oneOf(
                anyChar.list().ofMaxSize(20).map(CreatePersonaPropertyTest::join),
                Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '\n', '\r', '\t').ofMinLength(70).ofMaxLength(900));
    }

    private static String join(List<Character> chars) {
        StringBuilder text = new StringBuilder();
        chars.forEach(text::append);
        return text.toString();
    }
}
