package com.personacomposer.devstack.oidc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one provider instance serves: its issuer, its users, the page origins allowed to sign in, how long its access
 * tokens live, and, when it is shaped like Cognito, where its hosted UI is and which client ids it generated
 * ({@code cognito} null otherwise).
 */
record OidcProviderSettings(String issuer, DevUsers users, List<String> extraOrigins, Duration accessTokenLifetime,
        CognitoShape cognito) {

    OidcProviderSettings {
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()) {
            throw new IllegalArgumentException("the access token lifetime must be positive: " + accessTokenLifetime);
        }
    }

    List<String> pageOrigins() {
        List<String> origins = new ArrayList<>(OidcProvider.PAGE_ORIGINS);
        extraOrigins.stream().map(origin -> origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin)
                .filter(origin -> !origins.contains(origin))
                .forEach(origins::add);
        return origins;
    }

    List<String> redirectUris() {
        return pageOrigins().stream().map(origin -> origin + "/").toList();
    }

    /** The client ids registered: the web page's first. */
    List<String> clientIds() {
        return cognito == null ? List.of(OidcProvider.CLIENT_ID) : List.of(cognito.clientId(), cognito.otherClientId());
    }
}
