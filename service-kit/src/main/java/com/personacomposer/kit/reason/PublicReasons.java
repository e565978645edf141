package com.personacomposer.kit.reason;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a failure reason fit to be shown to the person who made the request ({@code GET /api/requests/{id}} shows
 * PersonaFailed reasons as they are): no credentials (providers quote a rejected key back, masked or not) and no
 * address of any system (URLs, host names, IPv4 and IPv6 addresses, ports), only the words saying what went wrong.
 * Every PersonaFailed reason is built through {@link #scrub}.
 */
public final class PublicReasons {

    static final String REDACTED = "[redacted]";
    static final String ADDRESS = "[address]";
    private static final int MAX_REASON = 400;

    private static final Pattern KEY_LIKE = Pattern.compile("\\b(?:sk-|r8_)[A-Za-z0-9_*\\-]{6,}");

    /** Any scheme://..., up to white space or a quote; sentence punctuation at its end stays in the text. */
    private static final Pattern URL = Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s\"'<>]+");
    private static final String URL_TAIL = ".,;:!?)]}";

    private static final Pattern BRACKETED_IPV6 =
            Pattern.compile("\\[[0-9A-Fa-f]*:[0-9A-Fa-f:.]*(?:%[\\w.-]+)?](?::\\d{1,5})?");

    /** A run of hex groups and colons (perhaps ending in dotted IPv4); {@link #isIpv6} decides. */
    private static final Pattern IPV6_CANDIDATE = Pattern.compile(
            "(?<![\\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?<=:)\\d{1,3}(?:\\.\\d{1,3}){3})?"
                    + "(?:%[\\w.-]+)?(?![\\w:]|\\.\\d)");

    private static final Pattern IPV4 =
            Pattern.compile("(?<![\\w.])\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d{1,5})?(?![\\w.]*\\d)");

    /** host:port, the host starting with a letter (so a time such as 12:30 is not taken for one). */
    private static final Pattern HOST_AND_PORT =
            Pattern.compile("(?<![\\w.-])[A-Za-z][A-Za-z0-9-]*(?:\\.[A-Za-z0-9-]+)*:\\d{2,5}(?!\\w)");

    /** A dotted name ending in a label of letters: a host name, unless it is a file name. */
    private static final Pattern DOTTED_NAME = Pattern.compile(
            "(?<![\\w.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+([A-Za-z]{2,63})(?![\\w-])");
    private static final Set<String> FILE_EXTENSIONS =
            Set.of("png", "jpg", "jpeg", "webp", "gif", "svg", "json", "txt", "html", "yml", "yaml");

    private static final Pattern LOCALHOST = Pattern.compile("(?i)\\blocalhost\\b");

    private static final List<Rule> ADDRESS_RULES = List.of(
            new Rule(URL, PublicReasons::url),
            new Rule(BRACKETED_IPV6, match -> ADDRESS),
            new Rule(IPV6_CANDIDATE, match -> isIpv6(match.group()) ? ADDRESS : match.group()),
            new Rule(IPV4, match -> ADDRESS),
            new Rule(HOST_AND_PORT, match -> ADDRESS),
            new Rule(DOTTED_NAME, match -> FILE_EXTENSIONS.contains(match.group(1).toLowerCase(Locale.ROOT))
                    ? match.group() : ADDRESS),
            new Rule(LOCALHOST, match -> ADDRESS));

    private record Rule(Pattern pattern, Function<MatchResult, String> replacement) {
    }

    private PublicReasons() {
    }

    /**
     * The text without the given secrets, anything shaped like an API key, and any address; and not too long to
     * read.
     */
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
        for (Rule rule : ADDRESS_RULES) {
            clean = rule.pattern().matcher(clean)
                    .replaceAll(match -> Matcher.quoteReplacement(rule.replacement().apply(match)));
        }
        return clean.length() <= MAX_REASON ? clean : clean.substring(0, MAX_REASON) + "…";
    }

    private static String url(MatchResult match) {
        String url = match.group();
        int end = url.length();
        while (end > 0 && URL_TAIL.indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return ADDRESS + url.substring(end);
    }

    /** Some digits, and either "::" or all eight groups: 12:30:45 is a time, fd00::1 an address. */
    private static boolean isIpv6(String candidate) {
        String address = candidate.contains("%") ? candidate.substring(0, candidate.indexOf('%')) : candidate;
        long colons = address.chars().filter(c -> c == ':').count();
        boolean embeddedIpv4 = address.contains(".");
        boolean digits = address.chars().anyMatch(c -> Character.digit(c, 16) >= 0);
        return colons >= 2 && digits && (address.contains("::") || colons == 7 || embeddedIpv4 && colons == 6);
    }
}
