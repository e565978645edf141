package com.personacomposer.kit.provider;

import com.personacomposer.kit.reason.Durations;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * JSON over HTTP to one paid provider, on a {@link RestClient} from Boot's builder (so each call is a client span
 * in the caller's trace and an {@code http.client.requests} measurement), with transport failures turned into the
 * {@link ProviderException}s the resilience configuration understands. Every status comes back as a
 * {@link Response}; {@link #failure} says what a non-2xx one means. Nothing here logs a request: its headers carry
 * the API key. Made by {@link ProviderClients}.
 */
public final class ProviderHttp {

    private static final String NOT_RETRIED = "; not retried, as it may still be working";

    private final String provider;
    private final RestClient client;
    private final JsonMapper json;
    private final Duration timeout;

    ProviderHttp(String provider, RestClient client, JsonMapper json, Duration timeout) {
        this.provider = provider;
        this.client = client;
        this.json = json;
        this.timeout = timeout;
    }

    /** A provider's answer; the body is a missing node when it was empty or not JSON. */
    public record Response(int status, HttpHeaders headers, JsonNode body) {

        public boolean successful() {
            return status / 100 == 2;
        }
    }

    /**
     * POSTs {@code body} as JSON (null: no body).
     *
     * @param startsWork true when the call starts paid work that cannot be identified again: a timeout or broken
     *                   connection after sending is then {@link ProviderOutcomeUnknownException}, never retried
     */
    public Response post(URI url, Consumer<HttpHeaders> headers, Object body, boolean startsWork) {
        RestClient.RequestBodySpec request = client.post().uri(url).headers(headers).accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
        }
        return exchange(request, startsWork);
    }

    /**
     * What a provider's non-2xx answer means, the same for every provider: a rate limit (429, unless the provider
     * says the quota is used up, which stays so until someone pays) or a server error (500, 502, 503, 504) may pass,
     * so the call fails with a {@link ProviderUnavailableException} carrying the provider's Retry-After; any other
     * status is a refusal for good ({@link ProviderRejectedException}). {@code detail}: the status and what the
     * provider said about it, already scrubbed of credentials.
     */
    public ProviderException failure(Response response, String detail, boolean quotaExhausted) {
        int status = response.status();
        if (status == 429 && !quotaExhausted) {
            return new ProviderUnavailableException(provider + " is rate limited: " + detail,
                    RetryAfter.of(response.headers(), Clock.systemUTC()).orElse(null));
        }
        if (status == 500 || status == 502 || status == 503 || status == 504) {
            return new ProviderUnavailableException(provider + " is unavailable: " + detail,
                    RetryAfter.of(response.headers(), Clock.systemUTC()).orElse(null));
        }
        return new ProviderRejectedException(provider + " refused the request: " + detail);
    }

    /** GETs {@code url}: reading starts no work, so a timeout is retried. */
    public Response get(URI url, Consumer<HttpHeaders> headers) {
        return exchange(client.get().uri(url).headers(headers).accept(MediaType.APPLICATION_JSON), false);
    }

    private Response exchange(RestClient.RequestHeadersSpec<?> request, boolean startsWork) {
        try {
            return request.exchange((req, response) -> new Response(response.getStatusCode().value(),
                    HttpHeaders.copyOf(response.getHeaders()), parse(response.getBody().readAllBytes())));
        } catch (ResourceAccessException e) {
            throw transportFailure(e, startsWork);
        }
    }

    private ProviderException transportFailure(ResourceAccessException e, boolean startsWork) {
        if (causedBy(e, HttpConnectTimeoutException.class) || causedBy(e, ConnectException.class)
                || causedBy(e, UnknownHostException.class) || causedBy(e, UnresolvedAddressException.class)) {
            return new ProviderUnavailableException("could not connect to " + provider, e);
        }
        if (causedBy(e, HttpTimeoutException.class)) {
            String reason = provider + " did not answer within " + Durations.readable(timeout);
            return startsWork ? new ProviderOutcomeUnknownException(reason + NOT_RETRIED, e)
                    : new ProviderTimeoutException(reason, e);
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String reason = "the connection to " + provider + " failed (" + cause.getClass().getSimpleName() + ")";
        return startsWork ? new ProviderOutcomeUnknownException(reason + NOT_RETRIED, e)
                : new ProviderUnavailableException(reason, e);
    }

    /** Spring wraps the client's exception, sometimes twice. */
    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }
}
