package com.personacomposer.gateway.downstream;

/** persona-service's answer to a request record: the request it stands for, or the persona that exists already. */
public sealed interface RecordAnswer permits RecordAnswer.Recorded, RecordAnswer.PersonaExists {

    record Recorded(RecordedRequest request) implements RecordAnswer {
    }

    /** The persona as GET /api/personas/{slug} serves it, to hand on unchanged. */
    record PersonaExists(PassThrough persona) implements RecordAnswer {
    }
}
