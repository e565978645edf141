package com.personacomposer.persona.web;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.util.UriUtils;

/**
 * Who is asking, as the gateway says (it removes any copies clients send). Principal ids have one namespace per
 * kind: {@code user:<sub>} (a signed-in user) and {@code key:<name>} (an API key); an anonymous voter of fully open
 * mode is {@code anon:<pseudonym>}. A value of another shape is refused here, so no stored id (a vote's voter, an
 * image's creator, a quota counter) can be spelled by another kind of caller.
 */
public final class CallerHeaders {

    /** The caller's principal id; absent for anonymous callers. */
    public static final String PRINCIPAL = "X-Persona-Principal";
    /** What to show for the principal (never its id), percent-encoded UTF-8: headers carry ASCII only. */
    public static final String PRINCIPAL_NAME = "X-Persona-Principal-Name";
    /** "true" when the gateway knows the caller as an admin. */
    public static final String ADMIN = "X-Persona-Admin";
    /** Fully open mode only: the anonymous caller's voter pseudonym. */
    public static final String VOTER = "X-Persona-Voter";

    private static final Pattern PRINCIPAL_ID = Pattern.compile("(user|key):.+");
    private static final Pattern VOTER_ID = Pattern.compile("anon:.+");

    private CallerHeaders() {
    }

    /** The principal id the header carries; null when it carries none. */
    public static String principal(String header) {
        return checked(header, PRINCIPAL_ID, PRINCIPAL, "must be a principal id, user:<sub> or key:<name>");
    }

    /** The anonymous voter the header carries; null when it carries none. */
    public static String voter(String header) {
        return checked(header, VOTER_ID, VOTER, "must be an anonymous voter id, anon:<pseudonym>");
    }

    /** The principal's display name, decoded; null when the header carries none. */
    public static String name(String header) {
        return header == null || header.isBlank() ? null : UriUtils.decode(header, StandardCharsets.UTF_8);
    }

    private static String checked(String header, Pattern shape, String name, String message) {
        if (header == null || header.isBlank()) {
            return null;
        }
        if (!shape.matcher(header).matches()) {
            throw new InvalidInputException(name, message);
        }
        return header;
    }
}
