package com.personacomposer.gateway.page;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the web page needs beyond its own origin.
 *
 * @param signInIssuer the OpenID provider the page signs in with (PERSONA_OIDC_ISSUER_URI); the page fetches its
 *                     discovery document and token endpoint, so the page's Content-Security-Policy allows that
 *                     origin. Absent: the page only talks to its own origin.
 */
@ConfigurationProperties("persona.web")
public record WebPageProperties(URI signInIssuer) {

    /** The issuer's origin (scheme, host, port), or empty when none is configured. */
    String signInOrigin() {
        if (signInIssuer == null || signInIssuer.getScheme() == null || signInIssuer.getHost() == null) {
            return "";
        }
        return signInIssuer.getScheme() + "://" + signInIssuer.getHost()
                + (signInIssuer.getPort() == -1 ? "" : ":" + signInIssuer.getPort());
    }
}
