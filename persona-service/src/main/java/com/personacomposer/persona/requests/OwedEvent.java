package com.personacomposer.persona.requests;

/** An event a request owes its topic until it is known to be there. */
public enum OwedEvent {
    /** Recorded by the gateway's intake call; settled when this service reads it back from persona.requested. */
    PERSONA_REQUESTED,
    /** Settled once published. */
    PERSONA_COMPLETED,
    /** Settled once published. */
    PERSONA_FAILED,
    /** Settled once published (after the S3 objects of an image stored for it were deleted). */
    PERSONA_CANCELED
}
