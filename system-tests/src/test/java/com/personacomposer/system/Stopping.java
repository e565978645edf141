package com.personacomposer.system;

/** What a test class started, stopped after it: each part that was started, and every one even if another fails. */
final class Stopping {

    private Stopping() {
    }

    static void all(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("stopping " + part + ": " + e);
            }
        }
    }
}
