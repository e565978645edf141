package com.personacomposer.webhook.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing secrets at rest: AES-256-GCM under the key of PERSONA_WEBHOOK_ENCRYPTION_KEY, a fresh 96-bit nonce per
 * secret, and the principal's id as associated data, so a stored secret neither reads without the key nor passes as
 * another principal's. Stored form: {@code v1:} + base64(nonce || ciphertext || tag). The JDK does all of this; what is
 * written here is only the framing.
 */
final class SecretCipher {

    private static final String FORMAT = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    /** @throws IllegalStateException when the key is not base64 of 32 bytes (the message never repeats it) */
    SecretCipher(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("PERSONA_WEBHOOK_ENCRYPTION_KEY must be base64 of 32 random bytes "
                    + "(for example the output of: openssl rand -base64 32)");
        }
        this.key = new SecretKeySpec(bytes, "AES");
        Arrays.fill(bytes, (byte) 0);
    }

    String encrypt(String secret, String principal) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(principal));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return FORMAT + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws IllegalStateException when the value was not sealed by this key for this principal */
    String decrypt(String stored, String principal) {
        if (!stored.startsWith(FORMAT)) {
            throw new IllegalStateException("a signing secret is stored in an unknown format");
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(FORMAT.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(principal));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a signing secret does not decrypt with PERSONA_WEBHOOK_ENCRYPTION_KEY "
                    + "(another key, or the record was altered)", e);
        }
    }

    private static byte[] associatedData(String principal) {
        return ("persona-webhook-secret:" + principal).getBytes(StandardCharsets.UTF_8);
    }
}
