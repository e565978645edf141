package com.personacomposer.gateway.access;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiKeys the keys machines sign in with (PERSONA_API_KEYS, comma-separated {@code name=key} or bare keys, as
 *                {@link ApiKeys} reads them); each key is a principal of its own, {@code key:<name>}
 */
@ConfigurationProperties("persona.gateway.auth")
record ApiKeyProperties(List<String> apiKeys) {

    public ApiKeyProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    /** Never the keys themselves: this record may end up in a log line or a failure report. */
    @Override
    public String toString() {
        return "ApiKeyProperties[" + apiKeys.size() + " api keys]";
    }
}
