package com.personacomposer.gateway.page;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The web page as the gateway serves it.
 *
 * @param publicUrl   the origin readers reach the page at (PERSONA_PUBLIC_URL, e.g. {@code https://personas.example});
 *                    shared links and their preview images are absolute URLs under it. Empty: the origin each
 *                    request was sent to (right without a proxy in front that changes scheme or host)
 * @param firstImages images on a persona page's first page (the page's {@code ?limit=} chooses another, 1-100)
 * @param personaWait how long a persona page waits for the persona to put it into the page; after that the page
 *                    is served without it and reads it itself
 */
@Validated
@ConfigurationProperties("persona.gateway.page")
record PageProperties(
        @NotNull @Pattern(regexp = "|https?://[^/?#]+", message = "must be an origin such as https://personas.example")
        String publicUrl,
        @Min(1) @Max(100) int firstImages,
        @NotNull Duration personaWait) {

    PageProperties {
        publicUrl = publicUrl == null ? "" : publicUrl.strip();
    }
}
