package com.personacomposer.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

    @Test
    void thePageMayFetchFromTheProviderOriginsItNeeds() {
        String policy = WebPageConfiguration.contentSecurityPolicy(List.of("https://persona.auth.eu-west-1.amazoncognito.com"));

        assertThat(policy).contains("connect-src 'self' https://persona.auth.eu-west-1.amazoncognito.com;");
    }

    @Test
    void withoutSignInThePageOnlyCallsItsOwnOrigin() {
        assertThat(WebPageConfiguration.contentSecurityPolicy(List.of())).contains("connect-src 'self';");
    }
}
