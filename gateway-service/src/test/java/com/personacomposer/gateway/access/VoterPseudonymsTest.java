package com.personacomposer.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VoterPseudonymsTest {

    @Test
    void oneAddressIsOneVoterUnderOneSecretAndAnotherUnderAnother() {
        VoterPseudonyms deployment = VoterPseudonyms.keyedWith("secret-of-this-deployment");

        assertThat(deployment.voterOf("203.0.113.7")).matches("anon:[0-9a-f]{32}")
                .isEqualTo(deployment.voterOf("203.0.113.7"))
                .isNotEqualTo(deployment.voterOf("203.0.113.8"))
                .isNotEqualTo(VoterPseudonyms.keyedWith("secret-of-another-one").voterOf("203.0.113.7"));
    }

    @Test
    void withoutASecretEachProcessHasARandomOne() {
        assertThat(VoterPseudonyms.keyedWith("").voterOf("203.0.113.7"))
                .isNotEqualTo(VoterPseudonyms.keyedWith("").voterOf("203.0.113.7"));
    }

    @Test
    void aShortSecretIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> VoterPseudonyms.keyedWith("short-one"))
                .hasMessageContaining("PERSONA_VOTER_SECRET").hasMessageNotContaining("short-one");
        assertThat(new VoterProperties("secret-of-this-deployment").toString()).doesNotContain("secret-of");
    }
}
