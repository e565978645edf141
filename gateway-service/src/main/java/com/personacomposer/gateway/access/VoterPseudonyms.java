package com.personacomposer.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The anonymous voter of fully open mode: {@code anon:} and 32 hex characters of HMAC-SHA256(secret, client
 * address). Votes count once per client, and an address cannot be recovered from a stored vote without the secret
 * (a plain hash of an IPv4 address is undone by trying all 2^32 of them).
 */
final class VoterPseudonyms {

    static final int MIN_SECRET_LENGTH = 16;
    private static final String HMAC = "HmacSHA256";
    private static final int HEX_CHARACTERS = 32;

    private final SecretKeySpec key;

    private VoterPseudonyms(byte[] secret) {
        this.key = new SecretKeySpec(secret, HMAC);
    }

    /**
     * The pseudonyms of PERSONA_VOTER_SECRET, or of a random secret when it is empty.
     *
     * @throws IllegalStateException when the configured secret is shorter than {@value #MIN_SECRET_LENGTH} characters
     */
    static VoterPseudonyms keyedWith(String secret) {
        if (secret.isEmpty()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return new VoterPseudonyms(random);
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("PERSONA_VOTER_SECRET must be at least " + MIN_SECRET_LENGTH
                    + " characters (openssl rand -base64 32 makes a good one).");
        }
        return new VoterPseudonyms(secret.getBytes(StandardCharsets.UTF_8));
    }

    String voterOf(String clientAddress) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] digest = mac.doFinal(clientAddress.getBytes(StandardCharsets.UTF_8));
            return Caller.ANONYMOUS_VOTER + HexFormat.of().formatHex(digest, 0, HEX_CHARACTERS / 2);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has " + HMAC, e);
        }
    }
}
