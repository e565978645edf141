package com.personacomposer.devstack.oidc;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Refresh tokens for the public (PKCE) clients, as Keycloak and Cognito give them to the web page. Spring
 * Authorization Server deliberately does neither part on its own (no refresh token to a client without a secret, and
 * no way for such a client to present one), so both are here: {@link #generator} issues them, {@link #converter} and
 * {@link #provider} let a public client use one, or revoke it (RFC 7009, as the page does when signing out), with its
 * {@code client_id} alone. The refresh token stays bound to the client and the authorization it came from (the token
 * and revocation endpoints check both) and is replaced on every use.
 */
final class PublicClientRefresh {

    /** Marks a revocation request's client authentication, as the grant type marks a refresh's. */
    private static final String REVOCATION = "revocation";

    private PublicClientRefresh() {
    }

    /** Refresh tokens for every client allowed the refresh_token grant, public ones included. */
    static OAuth2TokenGenerator<OAuth2RefreshToken> generator() {
        StringKeyGenerator values = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
        Clock clock = Clock.systemUTC();
        return (OAuth2TokenContext context) -> {
            if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                    || !context.getRegisteredClient().getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                return null;
            }
            Instant issuedAt = clock.instant();
            return new OAuth2RefreshToken(values.generateKey(), issuedAt,
                    issuedAt.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive()));
        };
    }

    /**
     * A refresh_token grant, or a revocation at {@code revocationEndpoint}, naming only a client_id (no secret, no
     * assertion): a public client's, to be checked.
     */
    static AuthenticationConverter converter(String revocationEndpoint) {
        return (HttpServletRequest request) -> {
            boolean refresh = AuthorizationGrantType.REFRESH_TOKEN.getValue()
                    .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
            boolean revocation = revocationEndpoint.equals(request.getRequestURI())
                    && request.getParameter(OAuth2ParameterNames.TOKEN) != null;
            if (!HttpMethod.POST.matches(request.getMethod())
                    || !(refresh || revocation)
                    || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
                return null;
            }
            String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
            if (clientIds == null || clientIds.length != 1 || clientIds[0].isBlank()) {
                return null;
            }
            return new OAuth2ClientAuthenticationToken(clientIds[0], ClientAuthenticationMethod.NONE, null, refresh
                    ? Map.of(OAuth2ParameterNames.GRANT_TYPE, AuthorizationGrantType.REFRESH_TOKEN.getValue())
                    : Map.of(REVOCATION, true));
        };
    }

    /**
     * Accepts the client of {@link #converter}'s token when it is registered as a public client with the refresh_token
     * grant; the token itself is checked by the token endpoint's own refresh_token grant, or by the revocation
     * endpoint (which revokes only a token of that client).
     */
    static AuthenticationProvider provider(RegisteredClientRepository clients) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                OAuth2ClientAuthenticationToken client = (OAuth2ClientAuthenticationToken) authentication;
                if (!ClientAuthenticationMethod.NONE.equals(client.getClientAuthenticationMethod())
                        || !(AuthorizationGrantType.REFRESH_TOKEN.getValue()
                                .equals(client.getAdditionalParameters().get(OAuth2ParameterNames.GRANT_TYPE))
                                || client.getAdditionalParameters().containsKey(REVOCATION))) {
                    return null;
                }
                RegisteredClient registered = clients.findByClientId(String.valueOf(client.getPrincipal()));
                if (registered == null
                        || !registered.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                        || !registered.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                    throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
                }
                return new OAuth2ClientAuthenticationToken(registered, ClientAuthenticationMethod.NONE, null);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }
}
