package com.personacomposer.persona.quota;

import com.personacomposer.persona.web.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** GET /api/me: who the gateway says the caller is, and the caller's quota today. */
@RestController
class MeController {

    static final String PRINCIPAL = "X-Persona-Principal";
    /** The display name, percent-encoded UTF-8 (headers carry ASCII only). */
    static final String PRINCIPAL_NAME = "X-Persona-Principal-Name";
    static final String ADMIN = "X-Persona-Admin";

    private final Quotas quotas;

    MeController(Quotas quotas) {
        this.quotas = quotas;
    }

    record Me(String id, String name, boolean admin, QuotaView quota) {
    }

    record QuotaView(long used, int limit, Instant resetsAt) {
    }

    @GetMapping("/api/me")
    Me me(@RequestHeader(name = PRINCIPAL, required = false) String principal,
          @RequestHeader(name = PRINCIPAL_NAME, required = false) String encodedName,
          @RequestHeader(name = ADMIN, required = false) String admin) {
        if (principal == null || principal.isBlank()) {
            throw new UnauthorizedException("Sign in to see your account.");
        }
        String name = encodedName == null || encodedName.isBlank()
                ? principal : UriUtils.decode(encodedName, StandardCharsets.UTF_8);
        Quotas.Usage usage = quotas.usage(principal);
        return new Me(principal, name, Boolean.parseBoolean(admin),
                new QuotaView(usage.used(), usage.limit(), usage.resetsAt()));
    }
}
