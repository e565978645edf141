package com.personacomposer.gateway.access;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The limit on POST /api/personas per client (token bucket), counted by each gateway instance on its own.
 *
 * @param requestsPerMinute the steady rate a client may keep up (PERSONA_RATE_LIMIT_PER_MINUTE); 0: no limit
 * @param burst             how many requests a client that was quiet may send at once (PERSONA_RATE_LIMIT_BURST)
 * @param maxClients        how many clients are remembered; beyond that the least recently seen is forgotten
 * @param trustedProxyHops  how many proxies in front of the gateway append to X-Forwarded-For (PERSONA_TRUSTED_PROXY_HOPS;
 *                          an AWS ALB: 1): the client is the address that many entries from its end. 0: the address
 *                          of the connection, and X-Forwarded-For (which anyone can write) is ignored
 */
@Validated
@ConfigurationProperties("persona.gateway.rate-limit")
record RateLimitProperties(
        @Min(0) int requestsPerMinute,
        @Min(1) int burst,
        @Min(1) int maxClients,
        @Min(0) int trustedProxyHops) {
}
