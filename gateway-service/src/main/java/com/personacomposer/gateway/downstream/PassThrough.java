package com.personacomposer.gateway.downstream;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * A persona-service response the gateway hands on to its client unchanged (status, content type, body, and the
 * Retry-After of a 429, null when there is none).
 */
public record PassThrough(HttpStatusCode status, MediaType contentType, byte[] body, String retryAfter) {
}
