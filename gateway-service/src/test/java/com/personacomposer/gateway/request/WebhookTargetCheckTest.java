package com.personacomposer.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.kit.problem.FieldProblem;
import com.personacomposer.kit.testing.FixedDns;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A create's webhook URL against the address policy, with a resolver that answers what each test names. */
class WebhookTargetCheckTest {

    /** What the names of these tests resolve to; any other name does not resolve. */
    private static final FixedDns DNS = new FixedDns(Map.of(
            "hooks.example.com", new String[] {"93.184.215.14"},
            "intranet.example.com", new String[] {"10.20.30.40"},
            "metadata.example.com", new String[] {"169.254.169.254"},
            "rebinding.example.com", new String[] {"93.184.215.14", "192.168.1.7"},
            "local.example.com", new String[] {"127.0.0.1"}));

    private final WebhookTargetCheck deployed = new WebhookTargetCheck(false, DNS);
    private final WebhookTargetCheck local = new WebhookTargetCheck(true, DNS);

    @Test
    void anHttpsUrlOfAPublicHostIsAccepted() {
        assertThat(refusal(deployed, "https://hooks.example.com/personas?source=composer")).isEmpty();
        assertThat(refusal(deployed, "https://93.184.215.14:8443/hooks")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://hooks.example.com/personas     | the scheme 'http' is not allowed (only https)",
            "https://127.0.0.1/hooks               | 127.0.0.1 is a loopback address",
            "https://[::1]:8443/hooks              | is a loopback address",
            "https://10.0.0.8/hooks                | 10.0.0.8 is a private address",
            "https://169.254.169.254/latest        | (the cloud metadata service)",
            "https://user:pw@hooks.example.com/    | URLs with credentials are not allowed",
            "https://intranet.example.com/hooks    | intranet.example.com resolves to an address that is not public",
            "https://metadata.example.com/         | metadata.example.com resolves to an address that is not public",
            "https://rebinding.example.com/        | rebinding.example.com resolves to an address that is not public",
            "https://local.example.com/            | local.example.com resolves to an address that is not public",
            "https://nowhere.example.com/          | nowhere.example.com does not resolve"})
    void aUrlThatMayNotBeDeliveredToIsRefusedNamingTheWebhookField(String url, String why) {
        assertThat(refusal(deployed, url)).hasValueSatisfying(error -> {
            assertThat(error.field()).isEqualTo("webhook");
            assertThat(error.message()).startsWith("must be an https URL on the public internet: ").contains(why);
        });
    }

    @Test
    void aRefusalNeverShowsTheAddressANameResolvedTo() {
        assertThat(refusal(deployed, "https://intranet.example.com/hooks")).hasValueSatisfying(error ->
                assertThat(error.message()).doesNotContain("10.20.30.40"));
        assertThat(refusal(deployed, "https://rebinding.example.com/")).hasValueSatisfying(error ->
                assertThat(error.message()).doesNotContain("192.168.1.7"));
    }

    @Test
    void allowingLocalTargetsLetsHttpAndLoopbackThroughButNeverPrivateOrMetadata() {
        assertThat(refusal(local, "http://localhost.example.invalid/")).isPresent();
        assertThat(refusal(local, "http://127.0.0.1:9999/hooks")).isEmpty();
        assertThat(refusal(local, "http://local.example.com:9999/hooks")).isEmpty();
        assertThat(refusal(local, "https://hooks.example.com/")).isEmpty();
        assertThat(refusal(local, "http://10.0.0.8/hooks")).hasValueSatisfying(error ->
                assertThat(error.message()).contains("a private address"));
        assertThat(refusal(local, "http://169.254.169.254/")).hasValueSatisfying(error ->
                assertThat(error.message()).contains("metadata"));
        assertThat(refusal(local, "http://intranet.example.com/")).hasValueSatisfying(error ->
                assertThat(error.message()).contains("not public or loopback"));
    }

    private static Optional<FieldProblem> refusal(WebhookTargetCheck check, String url) {
        return check.refusal(URI.create(url)).block(Duration.ofSeconds(5));
    }
}
