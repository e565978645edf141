package com.personacomposer.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configured API keys, kept only as SHA-256 hashes. A presented key is hashed and compared with every configured
 * hash in constant time, so neither the comparison nor which key matched shows in the time taken.
 * <p>
 * Each comma-separated entry of PERSONA_API_KEYS is read one way only:
 * <ul>
 * <li>text ending in one or two {@code =} with no other {@code =} is a bare base64 key, whole, padding included
 * (what {@code openssl rand -base64 16} prints);</li>
 * <li>other text holding {@code =} is {@code name=key}: the name before the first {@code =}, the key (which may
 * hold {@code =}) after it;</li>
 * <li>text without {@code =} is a bare key.</li>
 * </ul>
 * A key has at least {@value #MIN_KEY_LENGTH} visible ASCII characters (so {@code ci=}, a bare key by the first
 * rule, is too short); a name is 1-64 letters, digits, {@code .}, {@code _} or {@code -}. A bare key is named by a
 * fingerprint of its hash. Anything else ({@code =}, an empty or short key, a name that is no name, one key in two
 * entries) is refused as the gateway starts, naming the entry's position and never its content.
 */
final class ApiKeys {

    static final int MIN_KEY_LENGTH = 16;
    private static final Pattern PADDED_BASE64 = Pattern.compile("[^=]+={1,2}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

    private record Entry(String name, byte[] hash, int position) {
    }

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * Blank entries (as a trailing comma leaves) are no keys; spaces around an entry, a name or a key are not part of
     * it. Positions count from 1 over the entries as configured.
     *
     * @throws IllegalStateException for an entry that cannot be read; the message names its position only
     */
    static ApiKeys of(List<String> configured) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            String entry = configured.get(i).strip();
            if (!entry.isEmpty()) {
                entries.add(read(entry, i + 1));
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                if (MessageDigest.isEqual(entries.get(i).hash(), entries.get(j).hash())) {
                    throw unreadable(entries.get(j).position(), "it holds the same key as entry "
                            + entries.get(i).position() + " (each key names one principal)");
                }
            }
        }
        return new ApiKeys(List.copyOf(entries));
    }

    private static Entry read(String entry, int position) {
        int equals = entry.indexOf('=');
        if (equals < 0 || PADDED_BASE64.matcher(entry).matches()) {
            return new Entry(fingerprint(checkedKey(entry, position)), sha256(entry), position);
        }
        String name = entry.substring(0, equals).strip();
        if (!NAME.matcher(name).matches()) {
            throw unreadable(position, "it holds '=' but what comes before it is no name (1-64 letters, digits, "
                    + "'.', '_' or '-'; a bare base64 key may end in '=' but hold no other '=')");
        }
        String key = entry.substring(equals + 1).strip();
        return new Entry(name, sha256(checkedKey(key, position)), position);
    }

    private static String checkedKey(String key, int position) {
        if (key.length() < MIN_KEY_LENGTH) {
            throw unreadable(position, "its key is shorter than " + MIN_KEY_LENGTH
                    + " characters (openssl rand -base64 16 makes a good one)");
        }
        if (!VISIBLE_ASCII.matcher(key).matches()) {
            throw unreadable(position, "its key holds characters other than visible ASCII");
        }
        return key;
    }

    private static IllegalStateException unreadable(int position, String why) {
        return new IllegalStateException("PERSONA_API_KEYS entry " + position + " cannot be read: " + why
                + ". Entries are name=key or bare keys, comma-separated.");
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

    /** A name for a bare key that gives nothing of it away: 16 hex characters of its hash. */
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
