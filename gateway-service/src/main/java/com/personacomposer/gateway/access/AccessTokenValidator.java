package com.personacomposer.gateway.access;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Only access tokens meant for this system, beside the signature, issuer and time checks Spring makes.
 * <p>
 * An access token, not an ID token (which a page also holds, and which every provider signs with the same keys):
 * <ul>
 * <li>a token with {@code token_use} (Cognito) must say {@code access};</li>
 * <li>else a token with a {@code typ} claim (Keycloak: {@code Bearer}, {@code ID}, {@code Refresh}) must say
 * {@code Bearer};</li>
 * <li>else a token whose header says {@code typ: at+jwt} (RFC 9068) is one;</li>
 * <li>else (Spring Authorization Server, most others) it must carry its scopes ({@code scope} or {@code scp}) and
 * none of the claims only ID tokens carry ({@code nonce}, {@code at_hash}, {@code c_hash}).</li>
 * </ul>
 * Meant for this system: with an audience configured, {@code aud} names it; without, the token was issued to the
 * web page's client: its {@code client_id} (Cognito, RFC 9068), else its {@code azp} (Keycloak), else its
 * {@code aud} (Spring Authorization Server) names that client. A token must also name its subject.
 */
final class AccessTokenValidator implements OAuth2TokenValidator<Jwt> {

    private static final List<String> ID_TOKEN_CLAIMS = List.of("nonce", "at_hash", "c_hash");
    /** The JOSE header types of RFC 9068 access tokens. */
    static final List<String> AT_JWT = List.of("at+jwt", "application/at+jwt");

    private final String audience;
    private final String clientId;

    /**
     * @param audience the audience tokens must name (empty: none configured)
     * @param clientId the web page's client, which tokens must have been issued to when no audience is configured
     */
    AccessTokenValidator(String audience, String clientId) {
        this.audience = audience;
        this.clientId = clientId;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Optional<String> problem = subjectProblem(token)
                .or(() -> kindProblem(token))
                .or(() -> audience.isEmpty() ? clientProblem(token) : audienceProblem(token));
        return problem.map(description -> OAuth2TokenValidatorResult.failure(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null)))
                .orElseGet(OAuth2TokenValidatorResult::success);
    }

    private static Optional<String> subjectProblem(Jwt token) {
        String subject = token.getSubject();
        return subject == null || subject.isBlank() ? Optional.of("the token names no subject (sub)") : Optional.empty();
    }

    private static Optional<String> kindProblem(Jwt token) {
        String tokenUse = token.getClaimAsString("token_use");
        if (tokenUse != null) {
            return "access".equals(tokenUse) ? Optional.empty()
                    : Optional.of("this is no access token (token_use " + tokenUse + "); send the access token");
        }
        String type = token.getClaimAsString("typ");
        if (type != null) {
            return "bearer".equals(type.toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of("this is no access token (typ " + type + "); send the access token");
        }
        Object headerType = token.getHeaders().get("typ");
        if (headerType != null && AT_JWT.contains(headerType.toString().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        for (String claim : ID_TOKEN_CLAIMS) {
            if (token.hasClaim(claim)) {
                return Optional.of("this is an ID token (it carries " + claim + "); send the access token");
            }
        }
        if (!token.hasClaim("scope") && !token.hasClaim("scp")) {
            return Optional.of("this is no access token (it carries no scope); send the access token");
        }
        return Optional.empty();
    }

    private Optional<String> audienceProblem(Jwt token) {
        List<String> audiences = token.getAudience();
        return audiences != null && audiences.contains(audience) ? Optional.empty()
                : Optional.of("the token is not meant for this API (its aud does not name " + audience + ")");
    }

    private Optional<String> clientProblem(Jwt token) {
        String client = token.getClaimAsString("client_id");
        if (client == null) {
            client = token.getClaimAsString("azp");
        }
        boolean issuedToThePage = client != null ? client.equals(clientId)
                : token.getAudience() != null && token.getAudience().contains(clientId);
        return issuedToThePage ? Optional.empty()
                : Optional.of("the token was issued to another client than this site's (" + clientId + ")");
    }
}
