package com.personacomposer.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The secret endpoints of a running webhook-service, called as the gateway calls them (the principal header). */
final class Secrets {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, HttpResponse<String> raw) {
        JsonNode body() {
            return JSON.readTree(raw.body());
        }
    }

    private Secrets() {
    }

    static Reply get(RunningService service, String principal) {
        return send(HttpRequest.newBuilder(URI.create(service.url("/api/webhooks/secret"))).GET(), principal);
    }

    static Reply rotate(RunningService service, String principal) {
        return send(HttpRequest.newBuilder(URI.create(service.url("/api/webhooks/secret/rotate")))
                .POST(HttpRequest.BodyPublishers.noBody()), principal);
    }

    /** The principal's secret ({@code whsec_...}), as the client fetches it. */
    static String of(RunningService service, String principal) {
        Reply reply = get(service, principal);
        if (reply.status() != 200) {
            throw new AssertionError("GET /api/webhooks/secret answered " + reply.status() + ": " + reply.raw().body());
        }
        return reply.body().get("secret").asString();
    }

    private static Reply send(HttpRequest.Builder request, String principal) {
        if (principal != null) {
            request.header("X-Persona-Principal", principal);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
