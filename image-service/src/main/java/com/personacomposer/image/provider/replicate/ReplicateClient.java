package com.personacomposer.image.provider.replicate;

import com.personacomposer.kit.provider.ProviderClients;
import com.personacomposer.kit.provider.ProviderGuard;
import com.personacomposer.kit.provider.ProviderHttp;
import com.personacomposer.kit.reason.PublicReasons;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Replicate's predictions API. Each call is retried (only when retrying can help), guarded by a circuit breaker and
 * bounded by a bulkhead, all configured under resilience4j.*.instances.{@value #INSTANCE}.
 */
@Component
class ReplicateClient {

    /** The resilience4j instances (retry, circuit breaker, bulkhead) of this client's calls. */
    static final String INSTANCE = "replicate";

    static final String PROVIDER = "OpenJourney";

    private final ReplicateProperties properties;
    private final ProviderHttp http;
    private final ProviderGuard guard;

    ReplicateClient(ReplicateProperties properties, ProviderClients clients) {
        this.properties = properties;
        this.http = clients.http(PROVIDER, properties.timeout());
        this.guard = clients.guard(INSTANCE, PROVIDER);
    }

    /**
     * Starts a prediction, letting Replicate hold the answer until it finishes (Prefer: wait, up to 60 s). A
     * timeout after sending is not retried: the prediction may exist, and another would be paid again.
     */
    public Prediction create(Map<String, Object> input) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", properties.version());
        body.put("input", input);
        URI predictions = UriComponentsBuilder.fromUri(properties.baseUrl()).pathSegment("predictions").build()
                .toUri();
        return guard.call(() -> prediction(http.post(predictions,
                authorized().andThen(headers -> headers.set("Prefer", "wait")), body, true)));
    }

    public Prediction get(URI url) {
        return guard.call(() -> prediction(http.get(url, authorized())));
    }

    public Prediction cancel(URI url) {
        return guard.call(() -> prediction(http.post(url, authorized(), null, false)));
    }

    private Consumer<HttpHeaders> authorized() {
        return headers -> headers.setBearerAuth(properties.apiToken());
    }

    private Prediction prediction(ProviderHttp.Response response) {
        if (response.successful()) {
            return Prediction.of(response.body(), properties.baseUrl());
        }
        throw failure(response);
    }

    /** Why the call failed: the status and Replicate's problem title and detail; retried as the kit decides. */
    private RuntimeException failure(ProviderHttp.Response response) {
        String title = text(response.body(), "title");
        String detail = text(response.body(), "detail");
        return http.failure(response, PublicReasons.scrub("HTTP " + response.status()
                + (title != null ? " " + title : "") + (detail != null ? ": " + detail : ""), properties.apiToken()),
                false);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isEmpty() ? value.asString() : null;
    }
}
