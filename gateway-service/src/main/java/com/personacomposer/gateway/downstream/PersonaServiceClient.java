package com.personacomposer.gateway.downstream;

import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's calls to persona-service. Path variables are percent-encoded as path segments, so any slug or id
 * stays one segment. Unreachable, slow or failing (5xx) -> {@link PersonaServiceUnavailableException}.
 */
public class PersonaServiceClient {

    private static final String PERSONAS = "/api/personas/";

    private final WebClient client;

    public PersonaServiceClient(WebClient client) {
        this.client = client;
    }

    /** The persona as GET /api/personas/{slug} serves it, or empty when there is none. */
    public Mono<Optional<PassThrough>> findPersona(String slug) {
        return call("reading persona", client.get().uri("/api/personas/{slug}", slug)
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> {
                    if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        return response.releaseBody().thenReturn(Optional.<PassThrough>empty());
                    }
                    if (response.statusCode().is2xxSuccessful()) {
                        return passThrough(response).map(Optional::of);
                    }
                    return refusal(response);
                }));
    }

    /** The persona's JSON as GET /api/personas/{slug}?limit={limit} answers it, or empty when there is none. */
    public Mono<Optional<JsonNode>> readPersona(String slug, int limit) {
        return readJson("reading persona", client.get().uri(uri -> uri.path("/api/personas/{slug}")
                .queryParam("limit", limit).build(slug)));
    }

    /** One image's JSON as GET /api/personas/{slug}/images/{imageId} answers it, or empty when there is none. */
    public Mono<Optional<JsonNode>> readImage(String slug, String imageId) {
        return readJson("reading image", client.get().uri("/api/personas/{slug}/images/{imageId}", slug, imageId));
    }

    /**
     * The intake call: records a request as PENDING (or finds the one its idempotency key already names); with
     * {@code unlessPersonaExists}, an existing persona is answered instead (marked by a Content-Location naming it).
     * The caller's principal headers go with it like with every call made while serving a request.
     */
    public Mono<IntakeResult> intake(UUID requestId, IntakeBody body) {
        return call("recording request", client.put().uri("/internal/requests/{requestId}", requestId)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(response -> {
                    if (!response.statusCode().is2xxSuccessful()) {
                        return refusal(response);
                    }
                    if (response.headers().header(HttpHeaders.CONTENT_LOCATION).stream()
                            .anyMatch(location -> location.startsWith(PERSONAS))) {
                        return passThrough(response).map(IntakeResult.PersonaExists::new);
                    }
                    return response.bodyToMono(IntakeResult.Recorded.class)
                            .filter(recorded -> recorded.requestId() != null)
                            .<IntakeResult>map(recorded -> recorded)
                            .switchIfEmpty(Mono.error(() -> new PersonaServiceUnavailableException(
                                    "persona-service recorded the request without answering its requestId", null)));
                }));
    }

    /** The status JSON of GET /api/requests/{requestId}, or empty when persona-service knows no such request. */
    public Mono<Optional<JsonNode>> requestStatus(UUID requestId) {
        return readJson("reading request status", client.get().uri("/api/requests/{requestId}", requestId));
    }

    /** A JSON read: empty on 404; any other answer but 2xx means persona-service is not well. */
    private static Mono<Optional<JsonNode>> readJson(String what, WebClient.RequestHeadersSpec<?> read) {
        return call(what, read.accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> {
                    if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        return response.releaseBody().thenReturn(Optional.<JsonNode>empty());
                    }
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(JsonNode.class).map(Optional::of);
                    }
                    return response.releaseBody().then(Mono.error(() -> unavailable(response)));
                }));
    }

    private static <T> Mono<T> call(String what, Mono<T> call) {
        return call.onErrorMap(WebClientException.class,
                error -> new PersonaServiceUnavailableException("persona-service failed " + what, error));
    }

    private static Mono<PassThrough> passThrough(ClientResponse response) {
        MediaType contentType = response.headers().contentType().orElse(null);
        String retryAfter = response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        return response.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .map(body -> new PassThrough(response.statusCode(), contentType, body, retryAfter));
    }

    /**
     * A 4xx is persona-service's verdict on what was asked (a 422 for a reused Idempotency-Key, a 429 with Retry-After
     * for a used-up quota): handed on. Anything else means it is not well.
     */
    private static <T> Mono<T> refusal(ClientResponse response) {
        if (response.statusCode().is4xxClientError()) {
            return passThrough(response).flatMap(body -> Mono.error(new PersonaServiceRejectedException(body)));
        }
        return response.releaseBody().then(Mono.error(() -> unavailable(response)));
    }

    private static PersonaServiceUnavailableException unavailable(ClientResponse response) {
        return new PersonaServiceUnavailableException("persona-service answered " + response.statusCode(), null);
    }
}
