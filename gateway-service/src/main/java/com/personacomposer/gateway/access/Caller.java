package com.personacomposer.gateway.access;

import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;
import reactor.util.context.ContextView;

/**
 * Who is asking: a signed-in user or a machine with an API key. Absent for anonymous callers. Never an e-mail or an
 * address.
 * <p>
 * Principal ids have one namespace per kind, so no token subject can spell an API key's id or the reverse:
 * {@code user:<sub>} for a token's subject, {@code key:<name>} for an API key. The anonymous voter pseudonym of
 * fully open mode is {@code anon:<hmac>} (never a principal), and persona-service keeps its own counters apart from
 * all of them.
 *
 * @param id    the stable principal id persona-service stores
 * @param name  what to show for it: the token's {@code preferred_username}, {@code name} or {@code username}, or
 *              the key's name
 * @param admin whether PERSONA_ADMINS names it
 */
record Caller(String id, String name, boolean admin) {

    /** The prefix of a signed-in user's principal id; the token's {@code sub} follows. */
    static final String USER = "user:";
    /** The prefix of an API key's principal id; the key's name follows. */
    static final String KEY = "key:";
    /** The prefix of an anonymous voter's pseudonym (fully open mode only). */
    static final String ANONYMOUS_VOTER = "anon:";

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
