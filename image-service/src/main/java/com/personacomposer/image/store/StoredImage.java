package com.personacomposer.image.store;

import java.time.Instant;

/** A generated image held for download until {@code expiresAt}. */
public record StoredImage(byte[] content, String contentType, Instant expiresAt) {
}
