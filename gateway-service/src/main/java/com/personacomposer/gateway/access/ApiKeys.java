package com.personacomposer.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The configured API keys, kept only as SHA-256 hashes. A presented key is hashed and compared with every configured
 * hash in constant time, so neither the comparison nor which key matched shows in the time taken.
 */
final class ApiKeys {

    private final List<byte[]> hashes;

    private ApiKeys(List<byte[]> hashes) {
        this.hashes = hashes;
    }

    /** Blank entries (as a trailing comma leaves) are no keys; surrounding spaces are not part of a key. */
    static ApiKeys of(List<String> keys) {
        return new ApiKeys(keys.stream().map(String::strip).filter(key -> !key.isEmpty()).map(ApiKeys::sha256).toList());
    }

    boolean required() {
        return !hashes.isEmpty();
    }

    int count() {
        return hashes.size();
    }

    boolean matches(String presented) {
        byte[] hash = sha256(presented);
        boolean match = false;
        for (byte[] known : hashes) {
            match |= MessageDigest.isEqual(hash, known);
        }
        return match;
    }

    /** A name for a key that gives nothing of it away (for rate limiting by client). */
    static String fingerprint(String key) {
        return HexFormat.of().formatHex(sha256(key), 0, 8);
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
