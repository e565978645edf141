package com.personacomposer.persona.images;

import java.time.Instant;

/** A presigned GET URL of an image and when it stops working. */
public record SignedUrl(String url, Instant expiresAt) {
}
