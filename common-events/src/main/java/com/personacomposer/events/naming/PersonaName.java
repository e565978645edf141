package com.personacomposer.events.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The three forms of a persona's name.
 * <ul>
 *   <li>{@link #key()}: its identity. NFKC, trimmed, inner whitespace collapsed, lower-cased.</li>
 *   <li>{@link #displayName()}: as first given. NFC, trimmed, whitespace collapsed; case kept ("McDonald").</li>
 *   <li>{@link #slug()}: its URL segment. Letters and digits of any script joined by single hyphens.</li>
 * </ul>
 * Slugs are a pure function of the key, and distinct keys get distinct slugs: a key made only of words separated
 * by single spaces maps to its words joined by hyphens (reversible); any other key (one with punctuation, such as
 * "o'brien" or "mary-jane") gets the same words plus a tag of 8 hex digits from its SHA-256. A reversible key whose
 * last word looks like a tag is tagged too, so the two kinds can never meet.
 */
public record PersonaName(String key, String displayName, String slug) {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TAG = Pattern.compile("[0-9a-f]{8}");
    private static final String EMPTY_SLUG_WORD = "persona";

    /**
     * Whether the name holds a character that is invisible or reorders what is shown: zero-width characters
     * (U+200B-U+200D, U+2060, U+FEFF) and bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E,
     * U+2066-U+2069). Two such names look the same as another name, or show text in another order than stored:
     * names with them are refused.
     */
    public static boolean hasHiddenCharacters(String rawName) {
        return rawName.codePoints().anyMatch(PersonaName::isHidden);
    }

    private static boolean isHidden(int cp) {
        return cp >= 0x200B && cp <= 0x200F || cp == 0x2060 || cp == 0xFEFF || cp == 0x061C
                || cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
    }

    public static PersonaName of(String rawName) {
        String key = canonicalKey(rawName);
        return new PersonaName(key, displayName(rawName), slugOf(key));
    }

    public static String canonicalKey(String rawName) {
        return collapse(Normalizer.normalize(rawName, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
    }

    public static String displayName(String rawName) {
        return collapse(Normalizer.normalize(rawName, Normalizer.Form.NFC));
    }

    public static String slugOf(String key) {
        List<String> words = words(key);
        String joined = words.isEmpty() ? EMPTY_SLUG_WORD : String.join("-", words);
        boolean reversible = !words.isEmpty()
                && String.join(" ", words).equals(key)
                && !TAG.matcher(words.get(words.size() - 1)).matches();
        return reversible ? joined : joined + "-" + tag(key);
    }

    /** True when {@code slug} has the shape every slug has (what a path segment must look like to be one). */
    static boolean isSlugShaped(String slug) {
        if (slug == null || slug.isEmpty() || slug.startsWith("-") || slug.endsWith("-") || slug.contains("--")) {
            return false;
        }
        return slug.codePoints().allMatch(cp -> cp == '-' || isWordChar(cp) && !Character.isUpperCase(cp));
    }

    private static String collapse(String text) {
        return WHITESPACE.matcher(text.strip()).replaceAll(" ");
    }

    private static List<String> words(String key) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        key.codePoints().forEach(cp -> {
            if (isWordChar(cp)) {
                word.appendCodePoint(cp);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** Letters and digits of any script, plus the combining marks that belong to them (Devanagari vowel signs...). */
    private static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static String tag(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
