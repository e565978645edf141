package com.personacomposer.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The configured API keys ({@code name=key} entries, or bare keys, which are named by a fingerprint), kept only as
 * SHA-256 hashes. A presented key is hashed and compared with every configured hash in constant time, so neither
 * the comparison nor which key matched shows in the time taken.
 */
final class ApiKeys {

    private record Entry(String name, byte[] hash) {
    }

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = entries;
    }

    /** Blank entries (as a trailing comma leaves) are no keys; surrounding spaces are not part of a key or name. */
    static ApiKeys of(List<String> keys) {
        return new ApiKeys(keys.stream().map(String::strip).filter(entry -> !entry.isEmpty()).map(ApiKeys::entry).toList());
    }

    private static Entry entry(String configured) {
        int equals = configured.indexOf('=');
        if (equals > 0 && equals < configured.length() - 1) {
            return new Entry(configured.substring(0, equals).strip(), sha256(configured.substring(equals + 1).strip()));
        }
        return new Entry(fingerprint(configured), sha256(configured));
    }

    boolean any() {
        return !entries.isEmpty();
    }

    int count() {
        return entries.size();
    }

    /** The name of the key presented, when it is one of them. */
    Optional<String> nameOf(String presented) {
        byte[] hash = sha256(presented);
        String match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(hash, entry.hash())) {
                match = entry.name();
            }
        }
        return Optional.ofNullable(match);
    }

    /** A name for a key that gives nothing of it away. */
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
