package com.personacomposer.image.provider;

/**
 * A provider gave up on a request, for a reason a person can read (its message). The request fails at the image
 * stage; the message never contains a credential.
 */
public class ImageGenerationException extends RuntimeException {

    public ImageGenerationException(String reason) {
        super(reason);
    }

    public ImageGenerationException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
