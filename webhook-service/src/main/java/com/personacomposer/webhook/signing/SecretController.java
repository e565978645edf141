package com.personacomposer.webhook.signing;

import com.personacomposer.webhook.web.UnauthorizedException;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's signing secret, for the gateway to route {@code GET /api/webhooks/secret} and
 * {@code POST /api/webhooks/secret/rotate} to. The caller is the principal the gateway names in
 * {@code X-Persona-Principal} (it removes clients' own copies); without one: 401. Answers are never cached.
 */
@RestController
@RequiredArgsConstructor
class SecretController {

    static final String PRINCIPAL = "X-Persona-Principal";

    private final SigningSecrets secrets;

    record SecretView(String secret) {
        @Override
        public String toString() {
            return "SecretView[secret=<hidden>]";
        }
    }

    record RotatedView(String secret, Instant previousSecretValidUntil) {
        @Override
        public String toString() {
            return "RotatedView[secret=<hidden>, previousSecretValidUntil=" + previousSecretValidUntil + "]";
        }
    }

    @GetMapping("/api/webhooks/secret")
    ResponseEntity<SecretView> secret(@RequestHeader(name = PRINCIPAL, required = false) String principal) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new SecretView(secrets.current(required(principal))));
    }

    @PostMapping("/api/webhooks/secret/rotate")
    ResponseEntity<RotatedView> rotate(@RequestHeader(name = PRINCIPAL, required = false) String principal) {
        SigningSecrets.Rotation rotation = secrets.rotate(required(principal));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new RotatedView(rotation.secret(), rotation.previousValidUntil()));
    }

    private static String required(String principal) {
        if (principal == null || principal.isBlank()) {
            throw new UnauthorizedException("Sign in (or use an API key) to see your webhook signing secret.");
        }
        return principal;
    }
}
