package com.personacomposer.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

    @Test
    void thePageMayCallTheOpenIdProviderItSignsInWith() {
        String policy = WebPageConfiguration.contentSecurityPolicy(
                new WebPageProperties(URI.create("http://localhost:9100/realms/persona")));

        assertThat(policy).contains("connect-src 'self' http://localhost:9100;");
    }

    @Test
    void withoutSignInThePageOnlyCallsItsOwnOrigin() {
        assertThat(WebPageConfiguration.contentSecurityPolicy(new WebPageProperties(null)))
                .contains("connect-src 'self';");
        assertThat(WebPageConfiguration.contentSecurityPolicy(new WebPageProperties(URI.create(""))))
                .contains("connect-src 'self';");
    }
}
