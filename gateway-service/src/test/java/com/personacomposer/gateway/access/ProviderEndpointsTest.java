package com.personacomposer.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProviderEndpointsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void keycloakEndsTheSessionAtItsEndSessionEndpointAndRevokesAtItsRevocationEndpoint() {
        ProviderEndpoints endpoints = ProviderEndpoints.of("http://localhost:9200/realms/persona", discovery("""
                {"issuer":"http://localhost:9200/realms/persona",
                 "authorization_endpoint":"http://localhost:9200/realms/persona/protocol/openid-connect/auth",
                 "token_endpoint":"http://localhost:9200/realms/persona/protocol/openid-connect/token",
                 "revocation_endpoint":"http://localhost:9200/realms/persona/protocol/openid-connect/revoke",
                 "end_session_endpoint":"http://localhost:9200/realms/persona/protocol/openid-connect/logout"}"""));

        assertThat(endpoints.endSessionEndpoint())
                .hasValue(URI.create("http://localhost:9200/realms/persona/protocol/openid-connect/logout"));
        assertThat(endpoints.endSessionRedirectParameter()).hasValue("post_logout_redirect_uri");
        assertThat(endpoints.asConfig()).containsEntry("revocationEndpoint",
                "http://localhost:9200/realms/persona/protocol/openid-connect/revoke");
        assertThat(endpoints.fetchedOrigins()).containsExactly("http://localhost:9200");
    }

    @Test
    void aRevocationEndpointOnAnotherOriginIsFetchedFromToo() {
        ProviderEndpoints endpoints = ProviderEndpoints.of("https://id.example", discovery("""
                {"issuer":"https://id.example","authorization_endpoint":"https://id.example/authorize",
                 "token_endpoint":"https://id.example/token","revocation_endpoint":"https://revoke.id.example/revoke"}"""));

        assertThat(endpoints.fetchedOrigins()).containsExactly("https://id.example", "https://revoke.id.example");
    }

    @Test
    void cognitoTalksFromItsHostedUiAndLogsOutAndRevokesThereThoughDiscoveryDoesNotSaySo() {
        String issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Ab12Cd34E";
        ProviderEndpoints endpoints = ProviderEndpoints.of(issuer, discovery("""
                {"issuer":"%1$s","authorization_endpoint":"https://persona.auth.eu-west-1.amazoncognito.com/oauth2/authorize",
                 "token_endpoint":"https://persona.auth.eu-west-1.amazoncognito.com/oauth2/token",
                 "jwks_uri":"%1$s/.well-known/jwks.json"}""".formatted(issuer)));

        assertThat(endpoints.fetchedOrigins()).containsExactly("https://persona.auth.eu-west-1.amazoncognito.com");
        assertThat(endpoints.endSessionEndpoint())
                .hasValue(URI.create("https://persona.auth.eu-west-1.amazoncognito.com/logout"));
        assertThat(endpoints.endSessionRedirectParameter()).hasValue("logout_uri");
        assertThat(endpoints.asConfig()).containsEntry("endSessionEndpoint",
                "https://persona.auth.eu-west-1.amazoncognito.com/logout");
        assertThat(endpoints.revocationEndpoint())
                .hasValue(URI.create("https://persona.auth.eu-west-1.amazoncognito.com/oauth2/revoke"));
    }

    @Test
    void aProviderWithoutEndSessionOrRevocationHasNoneAndTheOriginKeepsANonDefaultPort() {
        ProviderEndpoints endpoints = ProviderEndpoints.of("http://localhost:9100/", discovery("""
                {"issuer":"http://localhost:9100","authorization_endpoint":"http://localhost:9100/oauth2/authorize",
                 "token_endpoint":"HTTP://LocalHost:9100/oauth2/token"}"""));

        assertThat(endpoints.endSessionEndpoint()).isEqualTo(Optional.empty());
        assertThat(endpoints.asConfig())
                .doesNotContainKeys("endSessionEndpoint", "endSessionRedirectParameter", "revocationEndpoint");
        assertThat(endpoints.fetchedOrigins()).isEqualTo(List.of("http://localhost:9100"));
    }

    @Test
    void aDocumentOfAnotherIssuerOrWithoutTheEndpointsThePageNeedsIsRefused() {
        assertThatThrownBy(() -> ProviderEndpoints.of("http://localhost:9100", discovery("""
                {"issuer":"http://evil.example","authorization_endpoint":"http://evil.example/a","token_endpoint":"http://evil.example/t"}""")))
                .hasMessageContaining("another issuer");
        assertThatThrownBy(() -> ProviderEndpoints.of("http://localhost:9100", discovery("""
                {"issuer":"http://localhost:9100","authorization_endpoint":"http://localhost:9100/a"}""")))
                .hasMessageContaining("token_endpoint");
        assertThatThrownBy(() -> ProviderEndpoints.of("http://localhost:9100", discovery("""
                {"issuer":"http://localhost:9100","authorization_endpoint":"javascript:alert(1)","token_endpoint":"http://localhost:9100/t"}""")))
                .hasMessageContaining("authorization_endpoint");
    }

    private static JsonNode discovery(String json) {
        return JSON.readTree(json);
    }
}
