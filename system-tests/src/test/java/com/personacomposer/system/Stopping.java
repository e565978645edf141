package com.personacomposer.system;

/**
 * What a test class started, stopped after it: each part that was started, and every one even if another fails. A
 * part that fails to stop fails the test class (the first failure, the others suppressed in it), once all were tried.
 */
final class Stopping {

    private Stopping() {
    }

    static void all(AutoCloseable... parts) throws Exception {
        Exception failed = null;
        for (AutoCloseable part : parts) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
