package com.personacomposer.gateway.downstream;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * A persona-service response the gateway hands on to its client unchanged (status, content type, body, and
 * Retry-After when it says when to try again).
 */
public record PassThrough(HttpStatusCode status, MediaType contentType, byte[] body, String retryAfter) {
}
