package com.personacomposer.storage.download;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How generated images are downloaded (IMAGE_SERVICE_URL, STORAGE_ALLOWED_IMAGE_HOSTS).
 *
 * @param imageServiceUrl image-service's base URL; its host[:port] is always allowed
 * @param allowedHosts    host[:port] entries allowed besides the providers' image hosts (no port: the scheme's
 *                        default port); these, and image-service, may be on loopback or private addresses
 * @param maxSize         the largest image accepted
 * @param connectTimeout  how long one connection may take to open
 * @param timeout         how long a whole download may take, redirects included
 * @param maxRedirects    how many redirects are followed
 */
@Validated
@ConfigurationProperties("persona.storage.download")
public record DownloadProperties(
        @NotNull URI imageServiceUrl,
        List<String> allowedHosts,
        @NotNull DataSize maxSize,
        @NotNull Duration connectTimeout,
        @NotNull Duration timeout,
        @Min(0) @Max(10) int maxRedirects) {

    public DownloadProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }
}
