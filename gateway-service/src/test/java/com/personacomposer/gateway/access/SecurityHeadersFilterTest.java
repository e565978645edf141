package com.personacomposer.gateway.access;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

class SecurityHeadersFilterTest {

    private static WebTestClient behindProxies(int trustedProxyHops) {
        return AccessFixture.clientWith(new SecurityHeadersFilter(new RateLimitProperties(60, 20, new RateLimitProperties.Limit(120, 30),
                new RateLimitProperties.Limit(60, 20), 100, trustedProxyHops)));
    }

    @Test
    void httpsAnswersCarryHstsAndPlainHttpOnesDoNot() {
        WebTestClient direct = behindProxies(0);

        direct.get().uri("https://persona.example.com/").exchange()
                .expectHeader().valueEquals(SecurityHeadersFilter.HSTS, "max-age=31536000; includeSubDomains");
        direct.get().uri("http://persona.example.com/").exchange()
                .expectHeader().doesNotExist(SecurityHeadersFilter.HSTS);
    }

    @Test
    void behindATrustedProxyItsForwardedProtoCountsAndOtherwiseNobodysDoes() {
        behindProxies(1).get().uri("http://10.0.1.15:8080/").header("X-Forwarded-Proto", "https").exchange()
                .expectHeader().valueEquals(SecurityHeadersFilter.HSTS, "max-age=31536000; includeSubDomains");
        behindProxies(1).get().uri("http://10.0.1.15:8080/").header("X-Forwarded-Proto", "http").exchange()
                .expectHeader().doesNotExist(SecurityHeadersFilter.HSTS);
        behindProxies(0).get().uri("http://10.0.1.15:8080/").header("X-Forwarded-Proto", "https").exchange()
                .expectHeader().doesNotExist(SecurityHeadersFilter.HSTS);
    }

    @Test
    void apiAnswersAreNeverSniffedAndThePageIsLeftAlone() {
        behindProxies(0).get().uri("/api/personas").exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
        behindProxies(0).get().uri("/index.html").exchange()
                .expectHeader().doesNotExist("X-Content-Type-Options");
    }
}
