package com.personacomposer.devstack.oidc;

import java.util.ArrayList;
import java.util.List;

/** What one provider instance serves: its issuer, its users and the page origins allowed to sign in. */
record OidcProviderSettings(String issuer, DevUsers users, List<String> extraOrigins) {

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
}
