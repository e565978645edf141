package com.personacomposer.persona.personas;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.persona.testing.Pipeline;
import com.personacomposer.persona.testing.ServiceTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The addresses of one image: its view by id, and the stable address of its original that redirects to a fresh
 * presigned URL. Presigned URLs live 4 s here, so the test sees several of them expire.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "persona.s3.presign-ttl=4s")
class ImageAddressesIT extends ServiceTestSupport {

    private static final Duration TTL = Duration.ofSeconds(4);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anImageIsReadByItsIdWithItsThumbnailsTheCallersVoteAndWhetherItIsTheirs() {
        PersonaRequested requested = createOwnedImage(unique("Single Sue"), "user:sue-sub");
        String persona = "/api/personas/" + Pipeline.segment(requested.slug());
        JsonNode listed = pipeline.get(persona).json().path("images").get(0);
        String image = persona + "/images/" + listed.path("id").asString();

        JsonNode asOwner = pipeline.get(image, Map.of("X-Persona-Principal", "user:sue-sub")).json();
        JsonNode asStranger = pipeline.get(image).json();

        assertThat(asOwner.path("id").asString()).isEqualTo(listed.path("id").asString());
        assertThat(asOwner.path("motto").asString()).isEqualTo("Mine " + requested.requestId());
        assertThat(asOwner.path("createdBy").asString()).isEqualTo(OWNER_NAME);
        assertThat(asOwner.path("mine").asBoolean()).isTrue();
        assertThat(asOwner.path("myVote").asString()).as("a new image's creator's vote").isEqualTo("up");
        assertThat(asStranger.path("mine").asBoolean()).isFalse();
        assertThat(asStranger.path("myVote").isNull()).isTrue();
        assertThat(asOwner.path("thumbnail2xUrl").asString()).contains(".thumb2x.jpg");
        assertThat(listed.path("thumbnail2xUrl").asString()).contains(".thumb2x.jpg");
        assertProblem(pipeline.get(persona + "/images/" + UUID.randomUUID()), 404);
        assertProblem(pipeline.get("/api/personas/nobody-" + UUID.randomUUID() + "/images/" + listed.path("id").asString()), 404);
    }

    @Test
    void theOriginalsAddressRedirectsToAFreshUrlLongAfterTheFirstExpiredAndMayBeCachedForHalfItsLife() throws Exception {
        PersonaRequested requested = createImage(unique("Shared Shay"), "", MottoTone.NEUTRAL, "Share me.");
        String persona = "/api/personas/" + Pipeline.segment(requested.slug());
        JsonNode view = pipeline.get(persona).json();
        String original = persona + "/images/" + view.path("coverImageId").asString() + "/original";
        assertThat(view.path("motto").asString()).isEqualTo("Share me.");

        HttpResponse<Void> first = get(original);
        assertThat(first.statusCode()).isEqualTo(302);
        String firstUrl = first.headers().firstValue("Location").orElseThrow();
        assertThat(fetch(firstUrl).statusCode()).isEqualTo(200);
        String cacheControl = first.headers().firstValue("Cache-Control").orElseThrow();
        assertThat(cacheControl).contains("public");
        assertThat(maxAge(cacheControl)).as(cacheControl).isPositive().isLessThanOrEqualTo(TTL.toSeconds() / 2);

        sleep(TTL.plusSeconds(1));
        assertThat(fetch(firstUrl).statusCode()).as("the first URL has expired").isEqualTo(403);
        HttpResponse<Void> later = get(original);
        assertThat(later.statusCode()).isEqualTo(302);
        HttpResponse<byte[]> image = fetch(later.headers().firstValue("Location").orElseThrow());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.body()).isEqualTo(png(requested.requestId().toString()));
        assertThat(image.headers().firstValue("Content-Disposition")).isEmpty();

        HttpResponse<byte[]> download = fetch(get(original + "?download=true").headers().firstValue("Location").orElseThrow());
        assertThat(download.statusCode()).isEqualTo(200);
        String shortId = view.path("coverImageId").asString().substring(0, 8);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("filename*=UTF-8''" + Pipeline.segment(requested.slug() + "-" + shortId + ".png"));

        assertProblem(pipeline.get(persona + "/images/" + UUID.randomUUID() + "/original"), 404);
    }

    private static long maxAge(String cacheControl) {
        Matcher matcher = Pattern.compile("max-age=(\\d+)").matcher(cacheControl);
        assertThat(matcher.find()).as(cacheControl).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private HttpResponse<Void> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private HttpResponse<byte[]> fetch(String url) {
        return pipeline.fetch(url);
    }
}
