package com.personacomposer.kit.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** What a provider's answers and transport failures become, against a real HTTP server. */
class ProviderHttpTest {

    private static final WireMockServer PROVIDER = started();

    private final ProviderClients clients = new ProviderClients(RestClient.builder(), JsonMapper.builder().build(),
            new ProviderProperties(Duration.ofSeconds(2), Duration.ofSeconds(1)), RetryRegistry.ofDefaults(),
            CircuitBreakerRegistry.ofDefaults(), BulkheadRegistry.ofDefaults());
    private final ProviderHttp http = clients.http("Stub", Duration.ofSeconds(10));
    private final ProviderHttp impatient = clients.http("Stub", Duration.ofMillis(500));

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    @AfterAll
    static void stop() {
        PROVIDER.stop();
    }

    @BeforeEach
    void reset() {
        PROVIDER.resetAll();
    }

    @Test
    void everyStatusComesBackWithItsJsonBodyAndHeaders() {
        PROVIDER.stubFor(post("/v1/work").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":\"slow_down\"}}")));

        ProviderHttp.Response response = http.post(url("/v1/work"), headers -> headers.setBearerAuth("sk-secret"),
                Map.of("prompt", "hello"), false);

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.successful()).isFalse();
        assertThat(response.body().path("error").path("code").asString()).isEqualTo("slow_down");
        assertThat(response.headers().getFirst("Retry-After")).isEqualTo("2");
        PROVIDER.verify(postRequestedFor(urlEqualTo("/v1/work"))
                .withHeader("Authorization", equalTo("Bearer sk-secret"))
                .withRequestBody(equalToJson("{\"prompt\":\"hello\"}")));
    }

    @Test
    void aRateLimitOrServerErrorMayPassAndAnyOtherStatusIsARefusal() {
        HttpHeaders retryAfter = new HttpHeaders();
        retryAfter.set("Retry-After", "3");

        assertThat(http.failure(answer(429, retryAfter), "HTTP 429", false))
                .isInstanceOf(ProviderUnavailableException.class).hasMessage("Stub is rate limited: HTTP 429")
                .satisfies(e -> assertThat(((ProviderUnavailableException) e).retryAfter())
                        .hasValue(Duration.ofSeconds(3)));
        assertThat(http.failure(answer(429, retryAfter), "HTTP 429 insufficient_quota", true))
                .isInstanceOf(ProviderRejectedException.class)
                .hasMessage("Stub refused the request: HTTP 429 insufficient_quota");
        for (int status : new int[] {500, 502, 503, 504}) {
            assertThat(http.failure(answer(status, new HttpHeaders()), "HTTP " + status, false))
                    .isInstanceOf(ProviderUnavailableException.class).hasMessage("Stub is unavailable: HTTP " + status);
        }
        for (int status : new int[] {400, 401, 403, 404, 422, 501}) {
            assertThat(http.failure(answer(status, new HttpHeaders()), "HTTP " + status, false))
                    .isInstanceOf(ProviderRejectedException.class)
                    .hasMessage("Stub refused the request: HTTP " + status);
        }
    }

    private static ProviderHttp.Response answer(int status, HttpHeaders headers) {
        return new ProviderHttp.Response(status, headers, MissingNode.getInstance());
    }

    @Test
    void aBodyThatIsNotJsonIsMissing() {
        PROVIDER.stubFor(get("/v1/page").willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));

        ProviderHttp.Response response = http.get(url("/v1/page"), headers -> { });

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.body().isMissingNode()).isTrue();
    }

    @Test
    void aTimeoutIsRetryableUnlessTheCallStartedPaidWork() {
        PROVIDER.stubFor(post("/v1/work").willReturn(okJson("{}").withFixedDelay(3_000)));

        assertThatThrownBy(() -> impatient.post(url("/v1/work"), headers -> { }, Map.of(), false))
                .isInstanceOf(ProviderTimeoutException.class)
                .hasMessage("Stub did not answer within 500 ms");
        assertThatThrownBy(() -> impatient.post(url("/v1/work"), headers -> { }, Map.of(), true))
                .isInstanceOf(ProviderOutcomeUnknownException.class)
                .hasMessageContaining("not retried");
    }

    @Test
    void aServerThatIsNotThereIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> http.post(URI.create("http://127.0.0.1:" + closedPort + "/v1/work"), headers -> { },
                Map.of(), true))
                .isInstanceOf(ProviderUnavailableException.class)
                .isNotInstanceOf(ProviderTimeoutException.class)
                .hasMessage("could not connect to Stub");
    }

    private static URI url(String path) {
        return URI.create(PROVIDER.baseUrl() + path);
    }
}
