package com.personacomposer.image.provider.replicate;

import com.personacomposer.image.provider.remote.JsonHttp;
import com.personacomposer.image.provider.remote.ProviderRejectedException;
import com.personacomposer.image.provider.remote.ProviderUnavailableException;
import com.personacomposer.image.provider.remote.RemoteProviderProperties;
import com.personacomposer.image.provider.remote.RetryAfter;
import com.personacomposer.image.provider.remote.Secrets;
import io.github.resilience4j.bulkhead.annotation.Bulkhead;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replicate's predictions API. Each call is retried (only when retrying can help), guarded by a circuit breaker and
 * bounded by a bulkhead, all configured under resilience4j.*.instances.replicate.
 */
@Component
public class ReplicateClient {

    public static final String RESILIENCE = "replicate";
    private static final String PROVIDER = "OpenJourney";

    private final ReplicateProperties properties;
    private final JsonHttp http;

    ReplicateClient(ReplicateProperties properties, RemoteProviderProperties remote, JsonMapper json) {
        this.properties = properties;
        this.http = new JsonHttp(PROVIDER, remote.connectTimeout(), json);
    }

    /**
     * Starts a prediction, letting Replicate hold the answer until it finishes (Prefer: wait, up to 60 s). A
     * timeout after sending is not retried: the prediction may exist, and another would be paid again.
     */
    @Retry(name = RESILIENCE)
    @CircuitBreaker(name = RESILIENCE)
    @Bulkhead(name = RESILIENCE)
    public Prediction create(Map<String, Object> input) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", properties.version());
        body.put("input", input);
        HttpRequest post = request(URI.create(base() + "predictions"))
                .header("Content-Type", "application/json")
                .header("Prefer", "wait")
                .POST(HttpRequest.BodyPublishers.ofByteArray(http.write(body)))
                .build();
        return prediction(http.exchange(post, true));
    }

    @Retry(name = RESILIENCE)
    @CircuitBreaker(name = RESILIENCE)
    @Bulkhead(name = RESILIENCE)
    public Prediction get(URI url) {
        return prediction(http.exchange(request(url).GET().build(), false));
    }

    @Retry(name = RESILIENCE)
    @CircuitBreaker(name = RESILIENCE)
    @Bulkhead(name = RESILIENCE)
    public Prediction cancel(URI url) {
        return prediction(http.exchange(request(url).POST(HttpRequest.BodyPublishers.noBody()).build(), false));
    }

    private HttpRequest.Builder request(URI url) {
        return HttpRequest.newBuilder(url)
                .timeout(properties.timeout())
                .header("Authorization", "Bearer " + properties.apiToken())
                .header("Accept", "application/json");
    }

    private String base() {
        String base = properties.baseUrl().toString();
        return base.endsWith("/") ? base : base + "/";
    }

    private Prediction prediction(JsonHttp.Response response) {
        if (response.status() / 100 == 2) {
            return Prediction.of(response.body(), properties.baseUrl());
        }
        throw failure(response);
    }

    /** What a non-2xx answer means: retryable only for throttling and server errors. */
    private RuntimeException failure(JsonHttp.Response response) {
        int status = response.status();
        String title = text(response.body(), "title");
        String detail = text(response.body(), "detail");
        String reason = Secrets.scrub("HTTP " + status + (title != null ? " " + title : "")
                + (detail != null ? ": " + detail : ""), properties.apiToken());
        if (status == 429) {
            return new ProviderUnavailableException(PROVIDER + " is rate limited: " + reason,
                    RetryAfter.of(response.headers(), Clock.systemUTC()).orElse(null));
        }
        if (status == 500 || status == 502 || status == 503 || status == 504) {
            return new ProviderUnavailableException(PROVIDER + " is unavailable: " + reason,
                    RetryAfter.of(response.headers(), Clock.systemUTC()).orElse(null));
        }
        return new ProviderRejectedException(PROVIDER + " refused the request: " + reason);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isEmpty() ? value.asString() : null;
    }
}
