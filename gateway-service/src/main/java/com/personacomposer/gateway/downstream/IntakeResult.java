package com.personacomposer.gateway.downstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** persona-service's answer to the intake call: the request it recorded (or found), or the persona that exists. */
public sealed interface IntakeResult permits IntakeResult.Recorded, IntakeResult.PersonaExists {

    /**
     * The request the call stands for. {@code requestId} differs from the one sent when the Idempotency-Key was
     * already known: then it is the earlier request's, which is under way already.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Recorded(UUID requestId, String personaName, String slug, String status) implements IntakeResult {
    }

    /** The persona as GET /api/personas/{slug} serves it, to hand on unchanged. */
    record PersonaExists(PassThrough persona) implements IntakeResult {
    }
}
