package com.personacomposer.motto.compose;

/** The composer gave up on this request; the message says why, for the person who asked. */
public class MottoRefusedException extends RuntimeException {

    public MottoRefusedException(String reason) {
        super(reason);
    }

    public MottoRefusedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
