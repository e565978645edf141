package com.personacomposer.gateway.downstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * persona-service's answer to a request record. {@code requestId} differs from the one sent when the Idempotency-Key
 * was already known: then it is the earlier request's.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordedRequest(UUID requestId, String personaName, String slug, String status) {
}
