package com.personacomposer.gateway.downstream;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/** A persona-service response the gateway hands on to its client unchanged (status, content type, body). */
public record PassThrough(HttpStatusCode status, MediaType contentType, byte[] body) {
}
