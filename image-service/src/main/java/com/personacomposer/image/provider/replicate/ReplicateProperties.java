package com.personacomposer.image.provider.replicate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Replicate's OpenJourney as image-service uses it.
 *
 * @param apiToken     REPLICATE_API_TOKEN; blank leaves the openjourney model unavailable
 * @param baseUrl      REPLICATE_BASE_URL
 * @param version      REPLICATE_OPENJOURNEY_VERSION: the model version to run
 * @param promptPrefix put before the prompt: OpenJourney's style trigger
 * @param timeout      how long one call may take; above the 60 s a create with "Prefer: wait" may be held
 * @param pollInterval pause between two looks at a running prediction
 * @param deadline     how long a prediction may run before image-service cancels it and gives up
 */
@Validated
@ConfigurationProperties("persona.image.replicate")
record ReplicateProperties(String apiToken, @NotNull URI baseUrl, @NotBlank String version,
                                  @NotNull String promptPrefix, @NotNull Duration timeout,
                                  @NotNull Duration pollInterval, @NotNull Duration deadline) {

    boolean configured() {
        return apiToken != null && !apiToken.isBlank();
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "ReplicateProperties[apiToken=" + (configured() ? "(set)" : "(none)") + ", baseUrl=" + baseUrl
                + ", version=" + version + ", timeout=" + timeout + ", pollInterval=" + pollInterval
                + ", deadline=" + deadline + "]";
    }
}
