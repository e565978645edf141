package com.personacomposer.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.ImageModel;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The page as the gateway renders it: what a shared link previews, escaped whatever a persona is called. */
class PageRenderingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORIGIN = "https://personas.example";
    private static final String NAME = "Zoë \"Z\" O'Brien <script>alert(1)</script> & 李小龙 🦊";
    private static final String MOTTO = "Say \"cheese\" </script><!-- & smile 'wide' -->";

    private final PageTemplate template = new PageTemplate();
    private final PageModels models = new PageModels(JSON, true, ImageModel.LOCAL);

    @Test
    void aPersonaPageNamesThePersonaInItsTitleDescribesItByItsNewestMottoAndPreviewsItsNewestImage() {
        String html = template.render(models.persona(ORIGIN, persona(), 24));

        assertThat(html).contains("<title>Zoë &quot;Z&quot; O&#39;Brien &lt;script&gt;alert(1)&lt;/script&gt; &amp; 李小龙 🦊"
                + " · Persona Composer</title>");
        assertThat(html).contains("<meta name=\"description\" content=\"Say &quot;cheese&quot; &lt;/script&gt;&lt;!-- "
                + "&amp; smile &#39;wide&#39; --&gt;\">");
        assertThat(html).contains("<meta property=\"og:image\" content=\"https://personas.example/api/personas/"
                + "zo%C3%AB-o-brien-1a2b3c4d/images/img-2/original\">");
        assertThat(html).contains("<meta name=\"twitter:card\" content=\"summary_large_image\">");
        assertThat(html).contains("<meta property=\"og:url\" content=\"https://personas.example/p/zo%C3%AB-o-brien-1a2b3c4d\">");
        assertThat(html).contains("<meta property=\"og:title\" content=\"Zoë &quot;Z&quot; O&#39;Brien");
        assertThat(html).doesNotContain("<script>alert(1)").doesNotContain("noindex");
        assertThat(html).contains("<h1 id=\"persona-title\">Zoë &quot;Z&quot; O&#39;Brien &lt;script&gt;");
        assertThat(html).contains("<h2 id=\"composer-title\">");
    }

    @Test
    void theFirstImagesAreDrawnInThePageTheFirstFetchedAtOnceTheOthersLazily() {
        String html = template.render(models.persona(ORIGIN, persona(), 24));

        assertThat(html).contains("data-image-id=\"img-1\"").contains("data-image-id=\"img-2\"");
        // Mustache escapes = as well as & in attributes; a browser reads both back.
        assertThat(html).contains("src=\"https://s3.example/img-1.thumb.jpg?X-Amz-Signature&#x3D;a&amp;b\" "
                + "srcset=\"https://s3.example/img-1.thumb.jpg?X-Amz-Signature&#x3D;a&amp;b 1x, "
                + "https://s3.example/img-1.thumb2x.jpg?sig 2x\" width=\"256\" height=\"256\" fetchpriority=\"high\">");
        assertThat(html).contains("img-2.thumb2x.jpg?sig 2x\" width=\"256\" height=\"256\" loading=\"lazy\">");
        assertThat(html).contains("href=\"/p/zo%C3%AB-o-brien-1a2b3c4d/images/img-1\"");
        assertThat(html).contains("href=\"/api/personas/zo%C3%AB-o-brien-1a2b3c4d/images/img-1/original?download&#x3D;true\"");
        assertThat(html).contains("<p class=\"meta\">Created with Local renderer</p>");
        assertThat(html).contains("<link rel=\"preconnect\" href=\"https://s3.example\">");
        assertThat(html).contains("<p id=\"persona-count\" class=\"persona-count\">2 images</p>");
        assertThat(html).contains("value=\"Zoë &quot;Z&quot; O&#39;Brien");
        assertThat(html).contains(">Create another</button>");
    }

    @Test
    void theFirstPageTravelsInThePageAsJsonThatNoTextInItCanEndOrConfuse() {
        String html = template.render(models.persona(ORIGIN, persona(), 24));

        String data = html.substring(html.indexOf("<script type=\"application/json\" id=\"persona-data\">"));
        data = data.substring(data.indexOf('>') + 1, data.indexOf("</script>"));
        assertThat(data).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        JsonNode read = JSON.readTree(data);
        assertThat(read.path("limit").asInt()).isEqualTo(24);
        assertThat(read.path("persona")).isEqualTo(persona());
        assertThat(html.indexOf("</script>", html.indexOf("id=\"persona-data\""))).as("the data's own end tag")
                .isEqualTo(html.lastIndexOf("</script>"));
    }

    @Test
    void anImagesPageIsPreviewedByThatImageAndItsMotto() {
        JsonNode image = persona().path("images").get(0);

        String html = template.render(models.image(ORIGIN, persona(), image, 24));

        assertThat(html).contains("<meta property=\"og:image\" content=\"https://personas.example/api/personas/"
                + "zo%C3%AB-o-brien-1a2b3c4d/images/img-1/original\">");
        assertThat(html).contains("<meta name=\"description\" content=\"First &amp; foremost.\">");
        assertThat(html).contains("<meta property=\"og:url\" content=\"https://personas.example/p/zo%C3%AB-o-brien-1a2b3c4d/images/img-1\">");
        assertThat(html).contains("<meta property=\"og:image:alt\" content=\"Portrait of Zoë &quot;Z&quot;");
    }

    @Test
    void thePageOfAPersonaThatDoesNotExistSaysSoInItsTitleAndIsKeptOutOfSearchEngines() {
        String html = template.render(models.missing(ORIGIN, "/p/nobody-here"));

        assertThat(html).contains("<title>No such persona yet · Persona Composer</title>");
        assertThat(html).contains("<meta name=\"robots\" content=\"noindex\">");
        assertThat(html).doesNotContain("og:image").doesNotContain("persona-data");
    }

    @Test
    void theHomePageHasItsDescriptionALevelOneHeadingAndSignInWhereTheServerHasIt() {
        String html = template.render(models.home(ORIGIN, "/"));
        String withoutSignIn = template.render(new PageModels(JSON, false, ImageModel.LOCAL).home(ORIGIN, "/"));

        assertThat(html).contains("<meta name=\"description\" content=\"Give a name, a description and a tone");
        assertThat(html).contains("<h1 id=\"composer-title\">Compose a persona</h1>");
        assertThat(html).contains("<section id=\"persona-view\" class=\"persona-view\" hidden");
        assertThat(html).contains("<div id=\"account\" class=\"account\">");
        assertThat(withoutSignIn).contains("<div id=\"account\" class=\"account\" hidden>");
        assertThat(html).contains("<option value=\"local\" selected>Local renderer</option>");
        assertThat(html).contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">");
        assertThat(html).doesNotContain("persona-data");
        assertThat(html).contains("<template id=\"image-card\">").contains("<figure class=\"image-card\">");
    }

    /** As persona-service answers GET /api/personas/{slug}?limit=24, with user text that needs escaping. */
    private static JsonNode persona() {
        ObjectNode persona = JSON.createObjectNode().put("name", NAME).put("slug", "zoë-o-brien-1a2b3c4d")
                .put("createdAt", "2026-01-05T10:00:00Z").put("updatedAt", "2026-01-05T10:00:03Z")
                .put("imageCount", 2).put("motto", MOTTO).put("coverImageId", "img-2");
        persona.putArray("images").add(image("img-1", "First & foremost.", "https://s3.example/img-1.thumb.jpg?X-Amz-Signature=a&b"))
                .add(image("img-2", MOTTO, "https://s3.example/img-2.thumb.jpg?sig"));
        persona.putNull("nextImages");
        return persona;
    }

    private static ObjectNode image(String id, String motto, String thumbnail) {
        return JSON.createObjectNode().put("id", id).put("requestId", "r-" + id)
                .put("url", "https://s3.example/" + id + ".png?sig").put("urlExpiresAt", "2026-01-05T10:01:00Z")
                .put("thumbnailUrl", thumbnail).put("thumbnail2xUrl", "https://s3.example/" + id + ".thumb2x.jpg?sig")
                .put("model", "local").put("description", "red \"hair\" <b>").put("mottoTone", "neutral")
                .put("motto", motto).put("upvotes", 1).put("downvotes", 0).put("createdAt", "2026-01-05T10:00:00Z")
                .putNull("createdBy").put("mine", false).putNull("myVote");
    }
}
