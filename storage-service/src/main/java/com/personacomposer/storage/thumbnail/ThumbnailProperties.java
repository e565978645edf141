package com.personacomposer.storage.thumbnail;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The thumbnail stored beside each image.
 *
 * @param maxPixels images declaring more pixels (width x height) than this are refused before they are decoded
 *                  (decompression bombs); decoding takes 4 bytes a pixel
 * @param backfill  making the thumbnails missing beside images stored before thumbnails existed
 */
@Validated
@ConfigurationProperties("persona.storage.thumbnails")
public record ThumbnailProperties(
        @Min(1) @Max(100_000_000) long maxPixels,
        @NotNull @Valid Backfill backfill) {

    /**
     * @param enabled     whether the back-fill runs (in the background) once the service has started
     * @param concurrency thumbnails the back-fill makes at once
     */
    public record Backfill(boolean enabled, @Min(1) @Max(16) int concurrency) {
    }
}
