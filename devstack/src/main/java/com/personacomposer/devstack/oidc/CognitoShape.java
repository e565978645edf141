package com.personacomposer.devstack.oidc;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * The provider shaped like an Amazon Cognito user pool where a deployment can tell the difference: the issuer
 * (Cognito's {@code https://cognito-idp.<region>.amazonaws.com/<pool>}) serves only discovery and the keys, while the
 * sign-in form and the authorization, token and userinfo endpoints are on the hosted UI's origin
 * ({@code https://<domain>.auth.<region>.amazoncognito.com}), here another port; app client ids are generated;
 * access tokens carry {@code client_id}, {@code token_use: access} and {@code username} instead of {@code aud}, ID
 * tokens {@code token_use: id}; {@code sub} is a UUID (and so is the username, as in a pool whose users sign in with
 * an e-mail address). Two app clients: the web page's and another one (a token of the other must not do for the page).
 *
 * @param hostedUi      origin of the hosted UI, {@code http://localhost:<hostedUiPort>}
 * @param hostedUiPort  its port (loopback only, like the issuer's)
 * @param clientId      the web page's app client
 * @param otherClientId another app client of the same pool
 */
public record CognitoShape(String hostedUi, int hostedUiPort, String clientId, String otherClientId) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CLIENT_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** A shape on {@code hostedUiPort} with two newly generated client ids. */
    public static CognitoShape generate(int hostedUiPort) {
        return new CognitoShape("http://localhost:" + hostedUiPort, hostedUiPort, newClientId(), newClientId());
    }

    /** A user's {@code sub}: a UUID, the same for the same name in every run (Cognito's never changes either). */
    static String subject(String username) {
        return UUID.nameUUIDFromBytes(("devstack-cognito:" + username).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** 26 lower-case letters and digits, as Cognito's app client ids look. */
    private static String newClientId() {
        StringBuilder id = new StringBuilder(26);
        for (int i = 0; i < 26; i++) {
            id.append(CLIENT_ID_ALPHABET.charAt(RANDOM.nextInt(CLIENT_ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
