package com.personacomposer.kit.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void removesTheKeyAndAnythingShapedLikeOne() {
        String reason = "Incorrect API key provided: sk-proj-abc123SECRET. Masked: sk-proj-********************9xyz; "
                + "token r8_0123456789abcdef; key my-custom-key";

        String clean = Secrets.scrub(reason, "my-custom-key");

        assertThat(clean).doesNotContain("abc123SECRET", "9xyz", "r8_0123456789abcdef", "my-custom-key")
                .startsWith("Incorrect API key provided: [redacted]");
    }

    @Test
    void keepsOrdinaryProviderMessages() {
        String message = "Your request was rejected as a result of our safety system (task-specific)";

        assertThat(Secrets.scrub(message, "sk-x")).isEqualTo(message);
    }

    @Test
    void capsVeryLongMessages() {
        assertThat(Secrets.scrub("x".repeat(5000))).hasSizeLessThan(500);
    }
}
