package com.personacomposer.devstack.oidc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provider's users, from {@code DEVSTACK_USERS}: comma-separated {@code name:password} entries (default
 * {@code demo:demo,alice:alice}). Local accounts for trying the system, never real ones.
 */
public record DevUsers(Map<String, String> passwords) {

    public static final String DEFAULT = "demo:demo,alice:alice";

    public DevUsers {
        if (passwords.isEmpty()) {
            throw new IllegalArgumentException("DEVSTACK_USERS names no user (expected name:password,...)");
        }
        passwords = Collections.unmodifiableMap(new LinkedHashMap<>(passwords));
    }

    public static DevUsers parse(String spec) {
        String source = spec == null || spec.isBlank() ? DEFAULT : spec;
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String entry : source.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException("DEVSTACK_USERS entry is not name:password: " + trimmed.split(":")[0]);
            }
            passwords.put(trimmed.substring(0, colon), trimmed.substring(colon + 1));
        }
        return new DevUsers(passwords);
    }

    public static DevUsers fromEnvironment() {
        return parse(System.getenv("DEVSTACK_USERS"));
    }

    /** The names, in the order given, for printing. */
    public String names() {
        return String.join(", ", passwords.keySet());
    }

    /** Passwords are not printed by toString: this may end up in a log line. */
    @Override
    public String toString() {
        return "DevUsers[" + names() + "]";
    }
}
