package com.personacomposer.persona.persona;

import java.time.Instant;

/** A presigned GET URL of an image and when it stops working. */
record SignedUrl(String url, Instant expiresAt) {
}
