package com.personacomposer.persona.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.personacomposer.persona.requests.PersonaRequest;
import com.personacomposer.persona.requests.RequestDetails;
import com.personacomposer.persona.requests.RequestError;
import com.personacomposer.persona.requests.RequestStatus;
import com.personacomposer.persona.requests.Stages;
import java.time.Instant;

/** A request's status as the API answers it; {@code error} only when it failed. */
record RequestView(
        String requestId,
        String personaName,
        String slug,
        RequestStatus status,
        Stages stages,
        @JsonInclude(JsonInclude.Include.NON_NULL) RequestError error,
        Instant createdAt,
        Instant updatedAt) {

    static RequestView of(PersonaRequest request) {
        RequestDetails details = request.details();
        return new RequestView(request.requestId(), details.personaName(), details.slug(), request.status(),
                request.stages(), request.error(), request.createdAt(), request.updatedAt());
    }
}
