package com.personacomposer.gateway.access;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in with OpenID Connect.
 *
 * @param issuerUri the provider whose JWT access tokens are accepted (PERSONA_OIDC_ISSUER_URI, e.g.
 *                  {@code http://localhost:9100}); empty: no sign-in
 * @param audience  the audience tokens must name (PERSONA_OIDC_AUDIENCE); empty: any
 * @param clientId  the public client the web page signs in as
 * @param scopes    the scopes the web page asks for
 */
@Validated
@ConfigurationProperties("persona.gateway.oidc")
public record OidcProperties(String issuerUri, String audience, @NotBlank String clientId, @NotBlank String scopes) {

    public OidcProperties {
        issuerUri = issuerUri == null ? "" : issuerUri.strip();
        audience = audience == null ? "" : audience.strip();
    }

    boolean enabled() {
        return !issuerUri.isEmpty();
    }
}
