package com.personacomposer.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class ApiKeysTest {

    /** What {@code openssl rand -base64 16} prints. */
    private static final String PADDED = "q8Jx0bW2kYc3N1vZ5rT7uA==";

    @Test
    void aNamedKeyIsKnownByItsNameAndABareKeyByAFingerprintThatGivesNothingAway() {
        ApiKeys keys = ApiKeys.of(List.of(" ci = key-ci-5f2a-81d0 ", "bare-key-77c1-03e9", ""));

        assertThat(keys.count()).isEqualTo(2);
        assertThat(keys.nameOf("key-ci-5f2a-81d0")).hasValue("ci");
        assertThat(keys.nameOf("bare-key-77c1-03e9")).hasValueSatisfying(name -> assertThat(name)
                .hasSize(16).doesNotContain("bare").isEqualTo(ApiKeys.fingerprint("bare-key-77c1-03e9")));
        assertThat(keys.nameOf("ci")).isEmpty();
        assertThat(keys.nameOf("key-ci-5f2a-81d0 ")).isEmpty();
    }

    @Test
    void aBareBase64KeyWorksWholePaddingIncludedAndItsPaddingIsNoKey() {
        ApiKeys keys = ApiKeys.of(List.of(PADDED, "x7Ymq0PzL2wE9cVb1nTgH4s="));

        assertThat(keys.nameOf(PADDED)).hasValue(ApiKeys.fingerprint(PADDED));
        assertThat(keys.nameOf("x7Ymq0PzL2wE9cVb1nTgH4s=")).isPresent();
        assertThat(keys.nameOf("==")).isEmpty();
        assertThat(keys.nameOf("=")).isEmpty();
        assertThat(keys.nameOf(PADDED.replace("=", ""))).isEmpty();
        assertThat(keys.nameOf(PADDED).orElseThrow()).doesNotContain(PADDED.substring(0, 6));
    }

    @Test
    void aNamedBase64KeyIsTheKeyOfThatName() {
        ApiKeys keys = ApiKeys.of(List.of("ops=" + PADDED, "ops=rotated-key-0b7f4e2a"));

        assertThat(keys.nameOf(PADDED)).hasValue("ops");
        assertThat(keys.nameOf("rotated-key-0b7f4e2a")).as("two keys of one name: a rotation").hasValue("ops");
        assertThat(keys.nameOf("ops=" + PADDED)).isEmpty();
    }

    @Test
    void anEntryThatIsNoKeyStopsStartUpNamingItsPositionNeverItsContent() {
        unreadable(List.of("ok-key-3c9d1e7f2a", "="), 2, "name");
        unreadable(List.of("=" + PADDED), 1, "name");
        unreadable(List.of("ci="), 1, "shorter than 16");
        unreadable(List.of("ci= ="), 1, "shorter than 16");
        unreadable(List.of("ci=short-key"), 1, "shorter than 16");
        unreadable(List.of("short-bare"), 1, "shorter than 16");
        unreadable(List.of("ab=="), 1, "shorter than 16");
        unreadable(List.of("ci=secret key with spaces"), 1, "visible ASCII");
        unreadable(List.of("c i=secret-key-0d8e2c41"), 1, "name");
        unreadable(List.of("ci=secret-key-0d8e2c41", "ops=secret-key-0d8e2c41"), 2, "same key as entry 1");
    }

    @Test
    void noKeysConfiguredIsNone() {
        assertThat(ApiKeys.of(List.of(" ", "")).any()).isFalse();
    }

    @Test
    void keysNeverShowInTheProperties() {
        assertThat(new ApiKeyProperties(List.of("ci=secret-key-1")).toString()).doesNotContain("secret-key-1");
    }

    @Test
    void theGatewayDoesNotStartWithAnUnreadableEntryAndItsReportShowsNoKey() {
        new ApplicationContextRunner()
                .withUserConfiguration(Keys.class)
                .withPropertyValues("persona.gateway.auth.api-keys=ci=" + PADDED + ",ops=tiny-key-9f")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageStartingWith("PERSONA_API_KEYS entry 2 cannot be read");
                    for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
                        assertThat(String.valueOf(cause.getMessage())).doesNotContain(PADDED).doesNotContain("tiny-key-9f");
                    }
                });
    }

    private static void unreadable(List<String> entries, int position, String reason) {
        assertThatThrownBy(() -> ApiKeys.of(entries))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("PERSONA_API_KEYS entry " + position + " cannot be read")
                .hasMessageContaining(reason)
                .satisfies(refusal -> entries.forEach(entry -> {
                    String key = entry.substring(entry.indexOf('=') + 1);
                    if (key.length() > 1) {
                        assertThat(refusal.getMessage()).doesNotContain(key);
                    }
                }));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ApiKeyProperties.class)
    @Import(ApiKeyConfiguration.class)
    static class Keys {
    }
}
