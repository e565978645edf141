package com.personacomposer.webhook.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The {@code webhook-signature} header of Standard Webhooks: {@code v1,} + base64 HMAC-SHA256 of
 * {@code <webhook-id>.<webhook-timestamp>.<body>} with each key the principal signs with now, space-separated (the
 * current secret first; during a rotation's overlap, the replaced one after it). A receiver accepts the delivery when
 * any one matches its secret.
 */
@Component
@RequiredArgsConstructor
public class Signer {

    private final SigningSecrets secrets;

    public String signature(String principal, String webhookId, long timestampSeconds, String body) {
        byte[] content = (webhookId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8);
        StringJoiner header = new StringJoiner(" ");
        for (byte[] key : secrets.signingKeys(principal)) {
            header.add("v1," + Base64.getEncoder().encodeToString(hmac(key, content)));
        }
        return header.toString();
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
