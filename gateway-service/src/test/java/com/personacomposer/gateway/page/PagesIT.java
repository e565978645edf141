package com.personacomposer.gateway.page;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.gateway.testing.Backends;
import com.personacomposer.gateway.testing.GatewayIntegrationSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The page at /, /p/{slug} and /p/{slug}/images/{imageId}: served with what it shows in its head (the persona read
 * from persona-service as the API reads it), 404 for a persona that does not exist, and without the persona when
 * persona-service cannot answer in time.
 */
class PagesIT extends GatewayIntegrationSupport {

    @Test
    void aPersonasPageIsServedWithItsNameItsNewestMottoAndItsFirstImages() {
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/zo%C3%AB-o-brien")).withQueryParam("limit", equalTo("24"))
                .willReturn(okJson(Backends.persona("Zoë O'Brien", "zoë-o-brien", "img-1", "img-2"))));

        String html = page(200, "/p/{slug}", "zoë-o-brien");

        assertThat(html).contains("<title>Zoë O&#39;Brien · Persona Composer</title>");
        assertThat(html).contains("<meta name=\"description\" content=\"Hats off? Never.\">");
        assertThat(html).containsPattern("<meta property=\"og:image\" content=\"http://localhost:\\d+/api/personas/"
                + "zo%C3%AB-o-brien/images/img-2/original\">");
        assertThat(html).contains("data-image-id=\"img-1\"").contains("data-image-id=\"img-2\"");
        assertThat(html).contains("id=\"persona-data\"");
    }

    @Test
    void aLinksOwnLimitChoosesHowManyImagesThePageHolds() {
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/ada")).withQueryParam("limit", equalTo("2"))
                .willReturn(okJson(Backends.persona("Ada", "ada", "img-1", "img-2"))));

        assertThat(page(200, "/p/ada?limit=2")).contains("\"limit\":2");
        BACKEND.verify(getRequestedFor(urlPathEqualTo("/api/personas/ada")).withQueryParam("limit", equalTo("2")));
    }

    @Test
    void anImagesPageIsPreviewedByThatImage() {
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/ada"))
                .willReturn(okJson(Backends.persona("Ada", "ada", "img-1", "img-2"))));
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/ada/images/img-1")).willReturn(okJson(Backends.image("img-1"))));

        String html = page(200, "/p/ada/images/img-1");

        assertThat(html).containsPattern("<meta property=\"og:image\" content=\"http://localhost:\\d+/api/personas/ada/"
                + "images/img-1/original\">");
        assertThat(html).containsPattern("<meta property=\"og:url\" content=\"http://localhost:\\d+/p/ada/images/img-1\">");
    }

    @Test
    void aPersonaOrImageThatDoesNotExistGetsA404PageThatSaysSo() {
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/nobody")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody(Backends.problem(404, "Not Found",
                        "no persona has the slug 'nobody'", "/api/personas/nobody"))));
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/ada")).willReturn(okJson(Backends.persona("Ada", "ada", "img-1"))));
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/ada/images/img-9")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody(Backends.problem(404, "Not Found",
                        "persona 'ada' has no image img-9", "/api/personas/ada/images/img-9"))));

        assertThat(page(404, "/p/nobody")).contains("<title>No such persona yet · Persona Composer</title>")
                .contains("<meta name=\"robots\" content=\"noindex\">");
        assertThat(page(404, "/p/ada/images/img-9")).contains("<title>No such persona yet · Persona Composer</title>");
    }

    @Test
    void whenPersonaServiceCannotAnswerInTimeThePageIsServedWithoutThePersonaAndReadsItItself() {
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/slow"))
                .willReturn(okJson(Backends.persona("Slow", "slow", "img-1")).withFixedDelay(4_000)));
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/broken")).willReturn(aResponse().withStatus(503)));

        assertThat(page(200, "/p/slow")).doesNotContain("persona-data").doesNotContain("Slow ·");
        assertThat(page(200, "/p/broken")).doesNotContain("persona-data");
    }

    @Test
    void theHomePageHasAFaviconTheStrictPageHeadersAndIsNeverCached() {
        var result = client.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Cache-Control", "no-cache")
                .expectHeader().exists("Content-Security-Policy")
                .expectBody(String.class).returnResult();
        assertThat(result.getResponseBody()).contains("<h1 id=\"composer-title\">");
        client.get().uri("/favicon.svg").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("image/svg+xml");
    }

    private String page(int status, String path, Object... variables) {
        return client.get().uri(path, variables).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
