package com.personacomposer.kit.address;

import java.util.Locale;
import java.util.regex.Pattern;

/** Host names as the guard compares them. */
public final class Hosts {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Hosts() {
    }

    /** Lower case, without the trailing dot of a fully qualified name, so "Host." and "host" are one host. */
    public static String normalise(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    public static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    /** An IPv6 literal without its brackets; any other host as it is. */
    static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Whether a bare host is an address rather than a name. */
    static boolean isLiteral(String bare) {
        return bare.contains(":") || IPV4_LITERAL.matcher(bare).matches();
    }
}
