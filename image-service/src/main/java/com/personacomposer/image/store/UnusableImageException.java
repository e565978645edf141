package com.personacomposer.image.store;

/** Bytes the store will not serve: not an image it recognises, or larger than the whole store. */
public class UnusableImageException extends IllegalArgumentException {

    UnusableImageException(String message) {
        super(message);
    }
}
