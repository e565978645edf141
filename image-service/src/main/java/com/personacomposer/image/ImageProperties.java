package com.personacomposer.image;

import com.personacomposer.events.ImageModel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What image-service needs to know about itself.
 *
 * @param publicUrl      the base URL other services fetch generated images from (IMAGE_SERVICE_URL)
 * @param defaultModel   the model the gateway asks for when a request names none (PERSONA_DEFAULT_MODEL); reported
 *                       by GET /api/models
 * @param promptTemplate the image prompt, with ${name} and ${description} placeholders
 * @param generated      how long and how many generated images are held for download
 */
@Validated
@ConfigurationProperties("persona.image")
public record ImageProperties(
        @NotNull URI publicUrl,
        @NotNull ImageModel defaultModel,
        @NotBlank String promptTemplate,
        @NotNull @Valid Generated generated) {

    /**
     * @param ttl        how long a generated image can be downloaded (like a provider's temporary URL); requests
     *                   are also remembered this long, so a redelivered request re-announces the same image
     * @param maxEntries most images held at once (the oldest are dropped first)
     * @param maxBytes   most bytes held at once (the oldest are dropped first)
     */
    public record Generated(
            @NotNull Duration ttl,
            @Min(1) @Max(100_000) int maxEntries,
            @NotNull DataSize maxBytes) {
    }

    /** The URL a stored image is downloadable from. */
    public String generatedUrl(String token) {
        return UriComponentsBuilder.fromUri(publicUrl).path("/generated/" + token).toUriString();
    }
}
