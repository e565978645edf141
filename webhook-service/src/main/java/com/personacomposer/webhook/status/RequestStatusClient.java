package com.personacomposer.webhook.status;

import java.util.UUID;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request's status as persona-service answers {@code GET /api/requests/{id}} to the request's principal (the header
 * the gateway sends it with), through Boot's RestClient builder (client spans, {@code http.client.requests}).
 */
@Component
public class RequestStatusClient {

    /** The principal header persona-service reads, as the gateway sends it. */
    static final String PRINCIPAL = "X-Persona-Principal";

    private final RestClient client;

    RequestStatusClient(RestClient.Builder builder, StatusProperties properties) {
        HttpClientSettings settings = HttpClientSettings.defaults()
                .withTimeouts(properties.timeout(), properties.timeout())
                .withRedirects(HttpRedirects.DONT_FOLLOW);
        this.client = builder.clone()
                .baseUrl(properties.personaServiceUri().toString())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings))
                .build();
    }

    /** @throws StatusUnavailableException when persona-service gives no status object (any failure may pass) */
    public ObjectNode read(UUID requestId, String principal) {
        JsonNode status;
        try {
            status = client.get()
                    .uri("/api/requests/{requestId}", requestId)
                    .accept(MediaType.APPLICATION_JSON)
                    .header(PRINCIPAL, principal)
                    .retrieve()
                    .body(JsonNode.class);
        } catch (RestClientException e) {
            throw new StatusUnavailableException("persona-service did not answer the status of request " + requestId
                    + ": " + e.getMessage(), e);
        }
        if (status instanceof ObjectNode object) {
            return object;
        }
        throw new StatusUnavailableException("persona-service answered no status object for request " + requestId,
                null);
    }
}
