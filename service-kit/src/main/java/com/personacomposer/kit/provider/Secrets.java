package com.personacomposer.kit.provider;

import java.util.regex.Pattern;

/** Keeps credentials out of the failure reasons providers write (OpenAI quotes a rejected key back, masked or not). */
public final class Secrets {

    private static final String REDACTED = "[redacted]";

    private static final Pattern KEY_LIKE = Pattern.compile("\\b(?:sk-|r8_)[A-Za-z0-9_*\\-]{6,}");
    private static final int MAX_REASON = 400;

    private Secrets() {
    }

    /** The text without the given secrets or anything shaped like an API key, and not too long to read. */
    public static String scrub(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        String clean = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                clean = clean.replace(secret, REDACTED);
            }
        }
        clean = KEY_LIKE.matcher(clean).replaceAll(REDACTED);
        return clean.length() <= MAX_REASON ? clean : clean.substring(0, MAX_REASON) + "…";
    }
}
