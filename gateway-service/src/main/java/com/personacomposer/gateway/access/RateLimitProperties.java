package com.personacomposer.gateway.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The limits per client (token buckets), counted by each gateway instance on its own.
 *
 * @param requestsPerMinute the steady rate of POST /api/personas a client may keep up (PERSONA_RATE_LIMIT_PER_MINUTE);
 *                          0: no limit
 * @param burst             how many of them a client that was quiet may send at once (PERSONA_RATE_LIMIT_BURST)
 * @param votes             the same for casting and withdrawing votes, per principal
 *                          (PERSONA_VOTE_RATE_LIMIT_PER_MINUTE, PERSONA_VOTE_RATE_LIMIT_BURST)
 * @param cancels           the same for canceling requests, per principal, else per address
 *                          (PERSONA_CANCEL_RATE_LIMIT_PER_MINUTE, PERSONA_CANCEL_RATE_LIMIT_BURST)
 * @param maxClients        how many clients are remembered per limit; beyond that the least recently seen is forgotten
 * @param trustedProxyHops  how many proxies in front of the gateway append to X-Forwarded-For (PERSONA_TRUSTED_PROXY_HOPS;
 *                          an AWS ALB: 1): the client is the address that many entries from its end. 0: the address
 *                          of the connection, and X-Forwarded-For (which anyone can write) is ignored
 */
@Validated
@ConfigurationProperties("persona.gateway.rate-limit")
record RateLimitProperties(
        @Min(0) int requestsPerMinute,
        @Min(1) int burst,
        @Valid @NotNull Limit votes,
        @Valid @NotNull Limit cancels,
        @Min(1) int maxClients,
        @Min(0) int trustedProxyHops) {

    /**
     * One limit of its own kind of request.
     *
     * @param requestsPerMinute the steady rate a client may keep up; 0: no limit
     * @param burst             how many a client that was quiet may send at once
     */
    record Limit(@Min(0) int requestsPerMinute, @Min(1) int burst) {
    }
}
