package com.personacomposer.gateway.config;

import com.personacomposer.events.ImageModel;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway needs to know about its neighbours and its limits.
 *
 * @param personaServiceUri  persona-service's base URL (PERSONA_SERVICE_URI): request records, statuses, persona reads
 * @param imageServiceUri    image-service's base URL (IMAGE_SERVICE_URL); the GET /api/models route points at it
 * @param webhookServiceUri  webhook-service's base URL (WEBHOOK_SERVICE_URI); the /api/webhooks/secret routes point at it
 * @param defaultModel       the image model of a request that names none (PERSONA_DEFAULT_MODEL)
 * @param maxRequestBody     the largest POST /api/personas body accepted; larger ones get 413
 * @param maxWait            the longest {@code Prefer: wait=N} honoured; larger N are clamped to it
 * @param pollInterval       how often an event stream asks persona-service for the status: it follows stage
 *                           changes and covers a missed finish event
 * @param finishCheckInterval how often a waiting POST ({@code Prefer: wait}) asks persona-service whether its request
 *                           finished: finishes arrive as Kafka events, so this only covers a missed event
 * @param eventStreamTimeout how long an event stream stays open before it gives up
 * @param downstreamTimeout  how long a call to persona-service may take (connect and response)
 * @param webhookAllowLocal  PERSONA_WEBHOOK_ALLOW_LOCAL: a create's webhook may also be an http URL or a loopback
 *                           address (local runs); private, link-local and metadata addresses are refused either way
 */
@Validated
@ConfigurationProperties("persona.gateway")
public record GatewayProperties(
        @NotNull URI personaServiceUri,
        @NotNull URI imageServiceUri,
        @NotNull URI webhookServiceUri,
        @NotNull ImageModel defaultModel,
        @NotNull DataSize maxRequestBody,
        @NotNull @DurationMin(seconds = 1) Duration maxWait,
        @NotNull @DurationMin(millis = 10) Duration pollInterval,
        @NotNull @DurationMin(millis = 10) Duration finishCheckInterval,
        @NotNull @DurationMin(seconds = 1) Duration eventStreamTimeout,
        @NotNull @DurationMin(millis = 100) Duration downstreamTimeout,
        boolean webhookAllowLocal) {
}
