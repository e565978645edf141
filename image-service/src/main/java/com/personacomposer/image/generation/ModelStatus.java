package com.personacomposer.image.generation;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of GET /api/models; {@code reason} says what is missing when it is not available. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ModelStatus(String id, String name, boolean available, String reason) {
}
