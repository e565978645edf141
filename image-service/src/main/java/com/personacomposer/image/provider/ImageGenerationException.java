package com.personacomposer.image.provider;

import com.personacomposer.kit.provider.ProviderException;

/**
 * A provider gave up on a request for a reason of its own (no image in the answer, a failed or unfinished
 * prediction), readable by a person. The request fails at the image stage; the message never contains a credential.
 */
public class ImageGenerationException extends ProviderException {

    public ImageGenerationException(String reason) {
        super(reason);
    }

    public ImageGenerationException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
