package com.personacomposer.gateway.access;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A provider that starts after the gateway: the page learns what is known, and the endpoints once they are. */
class OidcDiscoveryTest {

    private static final String DISCOVERY = "/.well-known/openid-configuration";
    private final WireMockServer provider = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final AtomicLong nanos = new AtomicLong();

    @AfterEach
    void stop() {
        provider.stop();
    }

    @Test
    void untilTheProviderAnswersNothingIsKnownAndItIsAskedAgainOnlyAfterTheRetryInterval() {
        provider.start();
        String issuer = "http://localhost:" + provider.port();
        provider.stubFor(get(urlPathEqualTo(DISCOVERY)).willReturn(aResponse().withStatus(503)));
        OidcDiscovery discovery = new OidcDiscovery(issuer, Duration.ofSeconds(5), nanos::get);

        assertThat(discovery.endpoints(Duration.ofSeconds(5)).block()).isEqualTo(Optional.empty());
        assertThat(discovery.known()).isEmpty();
        provider.stubFor(get(urlPathEqualTo(DISCOVERY)).willReturn(okJson("""
                {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token"}"""
                .formatted(issuer))));
        assertThat(discovery.endpoints(Duration.ofSeconds(5)).block()).as("asked again too soon").isEmpty();
        provider.verify(1, getRequestedFor(urlPathEqualTo(DISCOVERY)));

        nanos.addAndGet(Duration.ofSeconds(5).toNanos());

        assertThat(discovery.endpoints(Duration.ofSeconds(5)).block()).hasValueSatisfying(endpoints ->
                assertThat(endpoints.tokenEndpoint()).hasToString(issuer + "/oauth2/token"));
        assertThat(discovery.known()).isPresent();
        nanos.addAndGet(Duration.ofHours(1).toNanos());
        discovery.endpoints(Duration.ofSeconds(5)).block();
        provider.verify(2, getRequestedFor(urlPathEqualTo(DISCOVERY)));
    }

    @Test
    void withoutAnIssuerThereIsNothingToDiscover() {
        OidcDiscovery discovery = new OidcDiscovery("", Duration.ZERO, nanos::get);

        assertThat(discovery.endpoints(Duration.ofSeconds(1)).block()).isEmpty();
        assertThat(discovery.fetchIfDue().block()).isNull();
    }
}
