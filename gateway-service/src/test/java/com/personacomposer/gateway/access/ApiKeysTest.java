package com.personacomposer.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void aNamedKeyIsKnownByItsNameAndABareKeyByAFingerprintThatGivesNothingAway() {
        ApiKeys keys = ApiKeys.of(List.of(" ci = key-ci-5f2a ", "bare-key-77c1", ""));

        assertThat(keys.count()).isEqualTo(2);
        assertThat(keys.nameOf("key-ci-5f2a")).hasValue("ci");
        assertThat(keys.nameOf("bare-key-77c1")).hasValueSatisfying(name -> assertThat(name)
                .hasSize(16).doesNotContain("bare").isEqualTo(ApiKeys.fingerprint("bare-key-77c1")));
        assertThat(keys.nameOf("ci")).isEmpty();
        assertThat(keys.nameOf("key-ci-5f2a ")).isEmpty();
    }

    @Test
    void noKeysConfiguredIsNone() {
        assertThat(ApiKeys.of(List.of(" ", "")).any()).isFalse();
    }

    @Test
    void keysNeverShowInTheProperties() {
        assertThat(new ApiKeyProperties(List.of("ci=secret-key-1")).toString()).doesNotContain("secret-key-1");
    }
}
