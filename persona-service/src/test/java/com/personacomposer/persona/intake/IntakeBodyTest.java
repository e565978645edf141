package com.personacomposer.persona.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import com.personacomposer.persona.requests.RequestDetails;
import com.personacomposer.kit.problem.FieldProblem;
import com.personacomposer.persona.web.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The gateway's key and slug must be the ones its name derives to. */
class IntakeBodyTest {

    @Test
    void keyAndSlugDerivedFromTheNameAreAccepted() {
        RequestDetails details = body("o'brien", "O'Brien", "o-brien-" + tagOf("o'brien")).toDetails("user:alice", "Alice");

        assertThat(details.personaName()).isEqualTo("O'Brien");
        assertThat(details.description()).isEmpty();
        assertThat(details.createdBy()).isEqualTo("user:alice");
        assertThat(details.createdByName()).isEqualTo("Alice");
    }

    @Test
    void aKeyOfAnotherNameIsNamed() {
        assertThatThrownBy(() -> body("someone", "O'Brien", "someone").toDetails(null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldProblem("personaKey", "must be the canonical key of personaName")));
    }

    @Test
    void aSlugOfAnotherKeyIsNamed() {
        assertThatThrownBy(() -> body("zoë", "Zoë", "zoe").toDetails(null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldProblem("slug", "must be the slug of personaKey")));
    }

    private static String tagOf(String key) {
        String slug = com.personacomposer.events.naming.PersonaName.slugOf(key);
        return slug.substring(slug.lastIndexOf('-') + 1);
    }

    private static IntakeBody body(String key, String name, String slug) {
        return new IntakeBody(key, name, slug, null, MottoTone.NEUTRAL, ImageModel.LOCAL, null, null, null);
    }
}
