package com.personacomposer.webhook.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B');
    private final SecretCipher cipher = new SecretCipher(KEY);

    @Test
    void aSecretReadsBackForItsPrincipalOnlyAndIsNotInItsStoredForm() {
        String secret = "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I=";

        String stored = cipher.encrypt(secret, "alice");

        assertThat(stored).startsWith("v1:").doesNotContain(secret).doesNotContain(secret.substring(6));
        assertThat(cipher.decrypt(stored, "alice")).isEqualTo(secret);
        assertThat(cipher.encrypt(secret, "alice")).as("a fresh nonce each time").isNotEqualTo(stored);
        assertThatThrownBy(() -> cipher.decrypt(stored, "mallory"))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining(secret);
    }

    @Test
    void anotherKeyOrAnAlteredRecordDoesNotDecrypt() {
        String stored = cipher.encrypt("whsec_AAAA", "alice");
        SecretCipher other = new SecretCipher(Base64.getEncoder().encodeToString(new byte[32]));
        byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> other.decrypt(stored, "alice")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(altered, "alice")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyThatIsNot32BytesOfBase64IsRefusedWithoutRepeatingIt() {
        for (String key : new String[] {"c2hvcnQ=", "not base64 at all!", Base64.getEncoder().encodeToString(new byte[16])}) {
            assertThatThrownBy(() -> new SecretCipher(key))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PERSONA_WEBHOOK_ENCRYPTION_KEY must be base64 of 32 random bytes")
                    .hasMessageNotContaining(key);
        }
    }
}
