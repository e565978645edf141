package com.personacomposer.persona.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.persona.testing.Pipeline;
import com.personacomposer.persona.testing.ServiceTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What cannot be found is answered as a problem (application/problem+json), never as an error page. */
class ProblemsIT extends ServiceTestSupport {

    @Test
    void unknownThingsAreProblemsNotErrors() {
        Pipeline.Response persona = pipeline.get("/api/personas/" + Pipeline.segment("zoë-" + UUID.randomUUID()));
        assertProblem(persona, 404);
        assertThat(persona.json().path("detail").asString()).contains("zoë-");
        assertProblem(pipeline.get("/api/requests/" + UUID.randomUUID()), 404);
        assertProblem(pipeline.get("/api/requests/not-a-request"), 404);
        assertProblem(pipeline.get("/api/nothing-here"), 404);
    }
}
