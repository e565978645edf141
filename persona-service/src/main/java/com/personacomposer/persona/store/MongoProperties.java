package com.personacomposer.persona.store;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the personas live (MONGODB_URI, MONGODB_DB).
 *
 * @param uri      a MongoDB connection string
 * @param database the database holding the personas, requests and idempotency_keys collections
 */
@Validated
@ConfigurationProperties("persona.mongo")
public record MongoProperties(@NotBlank String uri, @NotBlank String database) {
}
