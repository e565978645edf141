package com.personacomposer.webhook;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Verification as a client does it: the Standard Webhooks reference library, its secret, the request received. */
final class Signatures {

    private Signatures() {
    }

    static void assertVerifies(String secret, Receiver.Received delivery) {
        assertThatCode(() -> new Webhook(secret).verify(delivery.body(), delivery.httpHeaders()))
                .as("delivery %s verifies with the secret", delivery.header("webhook-id"))
                .doesNotThrowAnyException();
    }

    static void assertRejected(String secret, String body, Receiver.Received delivery, String why) {
        assertThatThrownBy(() -> new Webhook(secret).verify(body, delivery.httpHeaders()))
                .as(why).isInstanceOf(WebhookVerificationException.class);
    }

    /** Whether one of the delivery's v1 signatures is the HMAC of its id, timestamp and body under {@code secret}. */
    static boolean hmacMatches(String secret, Receiver.Received delivery) {
        String content = delivery.header("webhook-id") + "." + delivery.header("webhook-timestamp") + "."
                + delivery.body();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
            return Arrays.asList(delivery.header("webhook-signature").split(" ")).contains(expected);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many signatures the delivery carries. */
    static int count(Receiver.Received delivery) {
        return delivery.header("webhook-signature").split(" ").length;
    }
}
