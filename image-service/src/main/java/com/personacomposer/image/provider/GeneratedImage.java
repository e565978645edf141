package com.personacomposer.image.provider;

import java.net.URI;
import java.net.URISyntaxException;

/** What a provider produced: either a URL on its own host, or the image's bytes. */
public sealed interface GeneratedImage {

    /** The prompt the provider says it really used (DALL-E 3), else null. */
    String revisedPrompt();

    /** The provider hosts the image for a while; storage-service downloads it from there. */
    record Hosted(URI url, String revisedPrompt) implements GeneratedImage {

        /**
         * The image {@code provider} answered with at {@code url}, which must be an http(s) URL.
         *
         * @throws ImageGenerationException when it is not
         */
        public static Hosted at(String url, String revisedPrompt, String provider) {
            try {
                URI uri = new URI(url);
                if ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) {
                    return new Hosted(uri, revisedPrompt);
                }
            } catch (URISyntaxException e) {
                // Reported below.
            }
            throw new ImageGenerationException(provider + " answered with an image URL that is not HTTP(S)");
        }
    }

    /** The image's bytes; image-service serves them from its own short-lived URL. */
    record Inline(byte[] bytes, String revisedPrompt) implements GeneratedImage {
    }
}
