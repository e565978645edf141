package com.personacomposer.image.provider;

/** The provider's work was stopped because its request was canceled: there is no image and no failure to report. */
public class GenerationCanceledException extends RuntimeException {

    public GenerationCanceledException(String message) {
        super(message);
    }
}
