package com.personacomposer.persona.quota;

import com.personacomposer.persona.web.CallerHeaders;
import com.personacomposer.persona.web.UnauthorizedException;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/me: who the gateway says the caller is, and the caller's quota today. */
@RestController
@RequiredArgsConstructor
class MeController {

    private final Quotas quotas;

    record Me(String id, String name, boolean admin, QuotaView quota) {
    }

    record QuotaView(long used, int limit, Instant resetsAt) {
    }

    @GetMapping("/api/me")
    Me me(@RequestHeader(name = CallerHeaders.PRINCIPAL, required = false) String principalHeader,
          @RequestHeader(name = CallerHeaders.PRINCIPAL_NAME, required = false) String encodedName,
          @RequestHeader(name = CallerHeaders.ADMIN, required = false) String admin) {
        String principal = CallerHeaders.principal(principalHeader);
        if (principal == null) {
            throw new UnauthorizedException("Sign in to see your account.");
        }
        String name = CallerHeaders.name(encodedName);
        Quotas.Usage usage = quotas.usage(principal);
        return new Me(principal, name != null ? name : principal, Boolean.parseBoolean(admin),
                new QuotaView(usage.used(), usage.limit(), usage.resetsAt()));
    }
}
