package com.personacomposer.gateway.request;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * persona-service at the HTTP level, in memory: personas by slug (also answered to a request record unless forced),
 * request records, and scripted statuses.
 */
final class StubPersonaService implements ExchangeFunction {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Map<String, String> personas = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<JsonNode> records = new CopyOnWriteArrayList<>();
    /** Statuses GET /api/requests/{id} answers in turn; the last one is repeated. */
    final ConcurrentLinkedDeque<String> statuses = new ConcurrentLinkedDeque<>();
    /** When set, PUT /internal/requests answers 200 with this (earlier) request's id, as for a known Idempotency-Key. */
    volatile UUID knownRequestId;
    /** When set, PUT /internal/requests answers this (a 429 with Retry-After for a used-up quota, say). */
    volatile ClientResponse intakeRefusal;

    @Override
    public Mono<ClientResponse> exchange(ClientRequest request) {
        String path = request.url().getRawPath();
        calls.add(request.method() + " " + path);
        if (request.method() == HttpMethod.GET && path.startsWith("/api/personas/")) {
            String body = personas.get(path.substring("/api/personas/".length()));
            return Mono.just(body == null ? notFound() : json(HttpStatus.OK, body));
        }
        if (request.method() == HttpMethod.PUT && path.startsWith("/internal/requests/")) {
            UUID requestId = UUID.fromString(path.substring("/internal/requests/".length()));
            if (intakeRefusal != null) {
                return Mono.just(intakeRefusal);
            }
            return body(request).map(record -> {
                String existing = record.path("unlessPersonaExists").asBoolean(false)
                        ? personas.get(record.path("slug").asString()) : null;
                if (existing != null) {
                    return ClientResponse.create(HttpStatus.OK)
                            .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                            .header("Content-Location", "/api/personas/" + record.path("slug").asString())
                            .body(existing)
                            .build();
                }
                records.add(record);
                ObjectNode answer = JSON.createObjectNode()
                        .put("requestId", (knownRequestId != null ? knownRequestId : requestId).toString())
                        .put("personaName", record.path("personaName").asString())
                        .put("slug", record.path("slug").asString())
                        .put("status", "PENDING");
                return json(knownRequestId != null ? HttpStatus.OK : HttpStatus.CREATED, answer.toString());
            });
        }
        if (request.method() == HttpMethod.GET && path.startsWith("/api/requests/")) {
            String status = statuses.size() > 1 ? statuses.pollFirst() : statuses.peekFirst();
            return Mono.just(status == null ? notFound() : json(HttpStatus.OK, status));
        }
        return Mono.just(notFound());
    }

    static String status(UUID requestId, String slug, String state) {
        return "{\"requestId\":\"" + requestId + "\",\"personaName\":\"x\",\"slug\":\"" + slug + "\",\"status\":\"" + state + "\"}";
    }

    private static Mono<JsonNode> body(ClientRequest request) {
        MockClientHttpRequest captured = new MockClientHttpRequest(request.method(), request.url());
        return request.writeTo(captured, ExchangeStrategies.withDefaults())
                .then(Mono.defer(captured::getBodyAsString))
                .map(JSON::readTree);
    }

    private static ClientResponse json(HttpStatus status, String body) {
        return ClientResponse.create(status).header("Content-Type", MediaType.APPLICATION_JSON_VALUE).body(body).build();
    }

    private static ClientResponse notFound() {
        return ClientResponse.create(HttpStatus.NOT_FOUND)
                .header("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .body("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}")
                .build();
    }
}
