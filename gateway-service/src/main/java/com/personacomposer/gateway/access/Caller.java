package com.personacomposer.gateway.access;

import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;
import reactor.util.context.ContextView;

/**
 * Who is asking: a signed-in user (the token's {@code sub}, named by {@code preferred_username} or {@code name}) or
 * a machine with an API key ({@code key:<name>}). Absent for anonymous callers. Never an e-mail or an address.
 *
 * @param id    the stable principal id persona-service stores
 * @param name  what to show for it
 * @param admin whether PERSONA_ADMINS names it
 */
record Caller(String id, String name, boolean admin) {

    /** The headers persona-service reads; clients' own copies are always removed. */
    public static final String PRINCIPAL = "X-Persona-Principal";
    public static final String PRINCIPAL_NAME = "X-Persona-Principal-Name";
    public static final String ADMIN = "X-Persona-Admin";
    /**
     * Fully open mode only, for anonymous callers on votes and persona reads: a pseudonym of the client address, so
     * votes count once per client and each client sees its own.
     */
    public static final String VOTER = "X-Persona-Voter";

    private static final String ATTRIBUTE = Caller.class.getName();

    /** The caller of this exchange, once {@link CallerFilter} has run. */
    public static Optional<Caller> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    /** The caller of the request this Reactor pipeline serves (for calls made on its behalf). */
    public static Optional<Caller> of(ContextView context) {
        return context.getOrEmpty(Caller.class);
    }

    void attachTo(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, this);
    }
}
