package com.personacomposer.storage.thumbnail;

/**
 * The image cannot be used, and trying again would not change that: its content is broken (the right magic bytes,
 * but not a readable image) or it declares absurd dimensions. The message is written for a person.
 */
public class UnusableImageException extends RuntimeException {

    public UnusableImageException(String reason) {
        super(reason);
    }

    public UnusableImageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
