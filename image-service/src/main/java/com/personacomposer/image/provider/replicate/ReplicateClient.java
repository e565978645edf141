package com.personacomposer.image.provider.replicate;

import com.personacomposer.kit.provider.ProviderClients;
import com.personacomposer.kit.provider.ProviderGuard;
import com.personacomposer.kit.provider.ProviderHttp;
import com.personacomposer.kit.provider.ProviderRejectedException;
import com.personacomposer.kit.provider.ProviderUnavailableException;
import com.personacomposer.kit.provider.RetryAfter;
import com.personacomposer.kit.reason.PublicReasons;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Replicate's predictions API. Each call is retried (only when retrying can help), guarded by a circuit breaker and
 * bounded by a bulkhead, all configured under resilience4j.*.instances.replicate.
 */
@Component
public class ReplicateClient {

    static final String RESILIENCE = "replicate";

    /** Retries of this client wait at least what the provider's Retry-After asks, up to {@code maxRetryAfter}. */
    public static RetryConfigCustomizer retryAfterHonoured(Duration maxRetryAfter) {
        return RetryAfter.honoured(RESILIENCE, maxRetryAfter);
    }
    static final String PROVIDER = "OpenJourney";

    private final ReplicateProperties properties;
    private final ProviderHttp http;
    private final ProviderGuard guard;

    ReplicateClient(ReplicateProperties properties, ProviderClients clients) {
        this.properties = properties;
        this.http = clients.http(PROVIDER, properties.timeout());
        this.guard = clients.guard(RESILIENCE, PROVIDER);
    }

    /**
     * Starts a prediction, letting Replicate hold the answer until it finishes (Prefer: wait, up to 60 s). A
     * timeout after sending is not retried: the prediction may exist, and another would be paid again.
     */
    public Prediction create(Map<String, Object> input) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", properties.version());
        body.put("input", input);
        URI predictions = URI.create(base() + "predictions");
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

    private String base() {
        String base = properties.baseUrl().toString();
        return base.endsWith("/") ? base : base + "/";
    }

    private Prediction prediction(ProviderHttp.Response response) {
        if (response.successful()) {
            return Prediction.of(response.body(), properties.baseUrl());
        }
        throw failure(response);
    }

    /** What a non-2xx answer means: retryable only for throttling and server errors. */
    private RuntimeException failure(ProviderHttp.Response response) {
        int status = response.status();
        String title = text(response.body(), "title");
        String detail = text(response.body(), "detail");
        String reason = PublicReasons.scrub("HTTP " + status + (title != null ? " " + title : "")
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
