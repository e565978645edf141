package com.personacomposer.gateway.access;

import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/** Who is asking, when an accepted API key says so: the key's fingerprint, never the key. */
final class ClientIdentity {

    private static final String ATTRIBUTE = ClientIdentity.class.getName();

    private ClientIdentity() {
    }

    static void authenticated(ServerWebExchange exchange, String key) {
        exchange.getAttributes().put(ATTRIBUTE, "key " + ApiKeys.fingerprint(key));
    }

    static Optional<String> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }
}
