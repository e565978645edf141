package com.personacomposer.gateway.testing;

import org.springframework.test.context.TestPropertySource;

/** The gateway with API keys, one of them an admin's: the ITs of what only principals may do share its context. */
@TestPropertySource(properties = {"PERSONA_API_KEYS=hooks=" + SignedInSupport.KEY + ",ops=" + SignedInSupport.ADMIN_KEY,
        "PERSONA_ADMINS=key:ops"})
public abstract class SignedInSupport extends GatewayIntegrationSupport {

    protected static final String KEY = "it-hooks-key-2b9e71d4c0";
    protected static final String ADMIN_KEY = "it-ops-key-8f13a6c5e2";
}
