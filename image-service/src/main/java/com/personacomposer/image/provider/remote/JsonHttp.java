package com.personacomposer.image.provider.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * JSON over HTTP to one provider, with transport failures turned into the provider exceptions the resilience
 * configuration understands. Nothing here logs a request: its headers carry the API key.
 */
public final class JsonHttp {

    private final String provider;
    private final HttpClient client;
    private final JsonMapper json;

    public JsonHttp(String provider, Duration connectTimeout, JsonMapper json) {
        this.provider = provider;
        this.json = json;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A provider's answer. */
    public record Response(int status, HttpHeaders headers, JsonNode body) {
    }

    public byte[] write(Object body) {
        return json.writeValueAsBytes(body);
    }

    /**
     * Sends the request.
     *
     * @param startsWork true when the call starts paid work that cannot be identified again: a timeout or broken
     *                   connection after sending is then {@link ProviderOutcomeUnknownException}, not retried
     */
    public Response exchange(HttpRequest request, boolean startsWork) {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new ProviderUnavailableException("could not connect to " + provider, e);
        } catch (HttpTimeoutException e) {
            String reason = provider + " did not answer within " + seconds(request.timeout().orElse(null));
            throw startsWork ? new ProviderOutcomeUnknownException(reason + "; not retried, as it may still be working", e)
                    : new ProviderUnavailableException(reason, e);
        } catch (IOException | UnresolvedAddressException e) {
            String reason = "the connection to " + provider + " failed (" + e.getClass().getSimpleName() + ")";
            throw startsWork ? new ProviderOutcomeUnknownException(reason + "; not retried, as it may still be working", e)
                    : new ProviderUnavailableException(reason, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + provider, e);
        }
        return new Response(response.statusCode(), response.headers(), parse(response.body()));
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

    private static String seconds(Duration timeout) {
        return timeout == null ? "the timeout" : timeout.toMillis() % 1000 == 0
                ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
