package com.personacomposer.image.provider;

import java.net.URI;

/** What a provider produced: either a URL on its own host, or the image's bytes. */
public sealed interface GeneratedImage {

    /** The prompt the provider says it really used (DALL-E 3), else null. */
    String revisedPrompt();

    /** The provider hosts the image for a while; storage-service downloads it from there. */
    record Hosted(URI url, String revisedPrompt) implements GeneratedImage {
    }

    /** The image's bytes; image-service serves them from its own short-lived URL. */
    record Inline(byte[] bytes, String revisedPrompt) implements GeneratedImage {
    }
}
