package com.personacomposer.gateway.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Request body limits of the routes with a body other than POST /api/personas (whose limit is
 * {@code persona.gateway.max-request-body}); every other route takes no body at all.
 *
 * @param vote the largest body of POST /api/personas/{slug}/images/{imageId}/votes ({"direction":"down"} is 20 bytes)
 */
@Validated
@ConfigurationProperties("persona.gateway.body-limits")
record BodyLimitProperties(@NotNull DataSize vote) {
}
