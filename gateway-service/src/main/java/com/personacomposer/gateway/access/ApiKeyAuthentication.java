package com.personacomposer.gateway.access;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A caller that presented one of the configured API keys; the key itself is not kept. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final String keyName;

    ApiKeyAuthentication(String keyName) {
        super(List.of());
        this.keyName = keyName;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    /** The key's name as configured (a bare key's is a fingerprint of it). */
    String keyName() {
        return keyName;
    }

    @Override
    public Object getPrincipal() {
        return getName();
    }

    /** The principal id, {@code key:<name>}. */
    @Override
    public String getName() {
        return Caller.KEY + keyName;
    }
}
