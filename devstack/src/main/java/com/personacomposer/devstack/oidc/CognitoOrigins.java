package com.personacomposer.devstack.oidc;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Cognito shape's two origins in one server: the issuer's port answers discovery and the keys only, the hosted
 * UI's port everything else (sign-in form, authorize, token, userinfo), so a client that builds an endpoint from the
 * issuer instead of reading discovery gets 404 as it would from Cognito.
 */
final class CognitoOrigins extends OncePerRequestFilter {

    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    static final String JWK_SET_PATH = "/.well-known/jwks.json";
    private static final Set<String> ISSUER_PATHS = Set.of(DISCOVERY_PATH, JWK_SET_PATH);

    private final int hostedUiPort;

    CognitoOrigins(int hostedUiPort) {
        this.hostedUiPort = hostedUiPort;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean issuerPath = ISSUER_PATHS.contains(request.getRequestURI());
        boolean onHostedUi = request.getLocalPort() == hostedUiPort;
        if (issuerPath == onHostedUi) {
            // Written here, not by sendError: the error page behind it would be the sign-in chain's to guard.
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/plain");
            response.getWriter().write("Not Found");
            return;
        }
        chain.doFilter(request, response);
    }
}
