package com.personacomposer.gateway.access;

import com.personacomposer.gateway.web.ProblemException;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/**
 * Only a principal (signed-in user or API key) may ask for a webhook: its deliveries are signed with that principal's
 * secret, and only that principal sees their state. Asked by the create handler once it has read the body; also on
 * a server without sign-in, where nobody can.
 */
public final class WebhookAccess {

    private WebhookAccess() {
    }

    /** The 401 for this exchange's caller asking for a webhook; empty when the caller is a principal. */
    public static Optional<ProblemException> refusal(ServerWebExchange exchange) {
        if (Caller.of(exchange).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(UnauthorizedEntryPoint.unauthorized("A webhook needs a signed-in caller or an API key "
                + "(deliveries are signed with the caller's own secret, GET /api/webhooks/secret).", false));
    }
}
