package com.personacomposer.gateway.access;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Where the web page talks to the OpenID provider, from the issuer's discovery document: it sends the reader to
 * {@code authorizationEndpoint}, exchanges the code at {@code tokenEndpoint} (a fetch, so that origin is in the
 * page's connect-src) and, signing out, revokes its refresh token at {@code revocationEndpoint} (RFC 7009, a fetch
 * too) and ends the provider's session at {@code endSessionEndpoint}, naming where to come back in the parameter
 * {@code endSessionRedirectParameter}.
 * <p>
 * Cognito's hosted UI has logout and revocation endpoints its discovery document does not list: for an issuer of
 * {@code cognito-idp.<region>.amazonaws.com} they are {@code /logout} (which takes {@code client_id} and
 * {@code logout_uri}) and {@code /oauth2/revoke} on the hosted UI's origin (the authorization endpoint's). Its logout
 * ends the hosted UI's session only; a refresh token stays valid until it is revoked.
 *
 * @param endSessionEndpoint          absent when the provider has none (then sign-out only forgets the tokens)
 * @param endSessionRedirectParameter {@code post_logout_redirect_uri} (OpenID RP-initiated logout) or
 *                                    {@code logout_uri} (Cognito); absent with the endpoint
 * @param revocationEndpoint          absent when the provider has none
 */
public record ProviderEndpoints(URI authorizationEndpoint, URI tokenEndpoint, Optional<URI> endSessionEndpoint,
                                Optional<String> endSessionRedirectParameter, Optional<URI> revocationEndpoint) {

    static final String POST_LOGOUT_REDIRECT_URI = "post_logout_redirect_uri";
    static final String COGNITO_LOGOUT_URI = "logout_uri";
    private static final Pattern COGNITO_ISSUER_HOST = Pattern.compile("cognito-idp\\.[a-z0-9-]+\\.amazonaws\\.com");

    /**
     * The endpoints of the discovery document of {@code issuer}.
     *
     * @throws IllegalArgumentException when the document is not the issuer's or lacks an endpoint the page needs
     */
    static ProviderEndpoints of(String issuer, JsonNode discovery) {
        String published = text(discovery, "issuer").orElse("");
        if (!withoutTrailingSlash(published).equals(withoutTrailingSlash(issuer))) {
            throw new IllegalArgumentException("the discovery document names another issuer (" + published + ")");
        }
        URI authorization = endpoint(discovery, "authorization_endpoint")
                .orElseThrow(() -> new IllegalArgumentException("the discovery document has no authorization_endpoint"));
        URI token = endpoint(discovery, "token_endpoint")
                .orElseThrow(() -> new IllegalArgumentException("the discovery document has no token_endpoint"));
        Optional<URI> endSession = endpoint(discovery, "end_session_endpoint");
        Optional<URI> revocation = endpoint(discovery, "revocation_endpoint");
        if (endSession.isPresent()) {
            return new ProviderEndpoints(authorization, token, endSession, Optional.of(POST_LOGOUT_REDIRECT_URI), revocation);
        }
        if (COGNITO_ISSUER_HOST.matcher(String.valueOf(URI.create(issuer).getHost()).toLowerCase(Locale.ROOT)).matches()) {
            String hostedUi = origin(authorization);
            return new ProviderEndpoints(authorization, token, Optional.of(URI.create(hostedUi + "/logout")),
                    Optional.of(COGNITO_LOGOUT_URI), revocation.or(() -> Optional.of(URI.create(hostedUi + "/oauth2/revoke"))));
        }
        return new ProviderEndpoints(authorization, token, Optional.empty(), Optional.empty(), revocation);
    }

    /**
     * The provider origins the page fetches from (connect-src): the token and revocation endpoints'. The page only
     * navigates to the authorization and end-session endpoints, which connect-src does not govern.
     */
    public List<String> fetchedOrigins() {
        return Stream.concat(Stream.of(tokenEndpoint), revocationEndpoint.stream()).map(ProviderEndpoints::origin)
                .distinct().toList();
    }

    /** The fields of GET /api/auth/config these endpoints add. */
    Map<String, Object> asConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("authorizationEndpoint", authorizationEndpoint.toString());
        config.put("tokenEndpoint", tokenEndpoint.toString());
        endSessionEndpoint.ifPresent(endpoint -> config.put("endSessionEndpoint", endpoint.toString()));
        endSessionRedirectParameter.ifPresent(parameter -> config.put("endSessionRedirectParameter", parameter));
        revocationEndpoint.ifPresent(endpoint -> config.put("revocationEndpoint", endpoint.toString()));
        return config;
    }

    /** Scheme, host and port (when not the scheme's default), as a browser writes an origin. */
    static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static Optional<URI> endpoint(JsonNode discovery, String field) {
        return text(discovery, field).map(value -> {
            URI uri;
            try {
                uri = URI.create(value);
            } catch (IllegalArgumentException notAUri) {
                throw new IllegalArgumentException("the discovery document's " + field + " is no URL", notAUri);
            }
            if (uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException("the discovery document's " + field + " is no http(s) URL");
            }
            return uri;
        });
    }

    private static Optional<String> text(JsonNode discovery, String field) {
        JsonNode value = discovery.path(field);
        return value.isString() && !value.asString().isBlank() ? Optional.of(value.asString().strip()) : Optional.empty();
    }

    private static String withoutTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
