package com.personacomposer.gateway.page;

import com.personacomposer.events.ImageModel;
import com.personacomposer.gateway.page.PageModel.Card;
import com.personacomposer.gateway.page.PageModel.Form;
import com.personacomposer.gateway.page.PageModel.Head;
import com.personacomposer.gateway.page.PageModel.Model;
import com.personacomposer.gateway.page.PageModel.PersonaSection;
import com.personacomposer.gateway.page.PageModel.SharedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages' models from the API's answers: the home page, a persona's page, one image's page, and the page of a
 * persona that does not exist. {@code origin} is the site's origin (shared links are absolute).
 */
final class PageModels {

    static final String SITE = "Persona Composer";
    private static final String HOME_TITLE = SITE + " · AI personas: a portrait and a motto";
    private static final String HOME_DESCRIPTION = "Give a name, a description and a tone: Persona Composer draws a "
            + "profile portrait and writes a motto for it. Browse and vote on everyone's personas.";

    private final JsonMapper json;
    private final boolean signInEnabled;
    private final Model defaultModel;

    PageModels(JsonMapper json, boolean signInEnabled, ImageModel defaultModel) {
        this.json = json;
        this.signInEnabled = signInEnabled;
        this.defaultModel = new Model(defaultModel.id(), defaultModel.displayName());
    }

    /** The home page; also a persona page whose persona could not be read in time (the page's script reads it). */
    PageModel home(String origin, String path) {
        return new PageModel(new Head(HOME_TITLE, SITE, HOME_DESCRIPTION, origin + path, null, false, null), signInEnabled,
                null, new Form("", false, "Create persona", defaultModel), Card.EMPTY, null);
    }

    /** A persona's page: its name, its newest motto and newest image to preview, its first page of images. */
    PageModel persona(String origin, JsonNode persona, int limit) {
        String name = persona.path("name").asString();
        String slug = persona.path("slug").asString();
        String motto = text(persona.path("motto"));
        String coverId = text(persona.path("coverImageId"));
        SharedImage image = coverId == null ? null : new SharedImage(origin + originalPath(slug, coverId, false),
                "Portrait of " + name);
        String description = motto != null ? motto : name + ", a persona on " + SITE + ".";
        Head head = new Head(name + " · " + SITE, name, description, origin + pagePath(slug), image, false, null);
        return personaPage(head, persona, limit);
    }

    /** One image's page: the persona's page, previewing that image with its motto. */
    PageModel image(String origin, JsonNode persona, JsonNode image, int limit) {
        String name = persona.path("name").asString();
        String slug = persona.path("slug").asString();
        String id = image.path("id").asString();
        String motto = text(image.path("motto"));
        Head head = new Head(name + " · " + SITE, name, motto != null ? motto : name + ", a persona on " + SITE + ".",
                origin + imagePagePath(slug, id), new SharedImage(origin + originalPath(slug, id, false),
                alt(name, image)), false, null);
        return personaPage(head, persona, limit);
    }

    /** A persona (or image) that does not exist: a page offering to create it, kept out of search engines. */
    PageModel missing(String origin, String path) {
        Head head = new Head("No such persona yet · " + SITE, SITE, "This persona does not exist yet: compose it.",
                origin + path, null, true, null);
        return new PageModel(head, signInEnabled, null, new Form("", false, "Create persona", defaultModel),
                Card.EMPTY, null);
    }

    private PageModel personaPage(Head head, JsonNode persona, int limit) {
        String name = persona.path("name").asString();
        String slug = persona.path("slug").asString();
        List<Card> cards = new ArrayList<>();
        for (JsonNode image : persona.path("images")) {
            cards.add(card(slug, name, image, cards.isEmpty()));
        }
        long count = persona.path("imageCount").asLong(cards.size());
        PersonaSection section = new PersonaSection(name, count + (count == 1 ? " image" : " images"), cards,
                text(persona.path("nextImages")) != null);
        String imagesFrom = cards.isEmpty() ? null : originOf(cards.get(0).thumbnailUrl());
        return new PageModel(head.withImagesFrom(imagesFrom), signInEnabled, section, new Form(name, true, "Create another", defaultModel),
                Card.EMPTY, PageData.of(json, persona, limit));
    }

    private static Card card(String slug, String name, JsonNode image, boolean first) {
        String id = image.path("id").asString();
        String thumbnail = text(image.path("thumbnailUrl"));
        String model = image.path("model").asString();
        return new Card(id, imagePagePath(slug, id), alt(name, image),
                thumbnail != null ? thumbnail : text(image.path("url")),
                text(image.path("thumbnail2xUrl")), first, text(image.path("motto")),
                text(image.path("description")),
                "Created with " + ImageModel.fromId(model).map(ImageModel::displayName).orElse(model),
                image.path("upvotes").asLong(), image.path("downvotes").asLong(), originalPath(slug, id, true));
    }

    /** As the page's script writes it: "Portrait of Zoë: red hair, loves the ocean at night". */
    private static String alt(String name, JsonNode image) {
        String description = text(image.path("description"));
        return "Portrait of " + name + (description != null ? ": " + description : "");
    }

    /** The scheme, host and port of an absolute URL; null for anything else. */
    private static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() == null || uri.getRawAuthority() == null ? null
                    : uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException | NullPointerException notAUrl) {
            return null;
        }
    }

    static String pagePath(String slug) {
        return "/p/" + segment(slug);
    }

    static String imagePagePath(String slug, String imageId) {
        return pagePath(slug) + "/images/" + segment(imageId);
    }

    /** The stable address of an image's original: persona-service redirects it to a fresh presigned URL. */
    static String originalPath(String slug, String imageId, boolean download) {
        return "/api/personas/" + segment(slug) + "/images/" + segment(imageId) + "/original"
                + (download ? "?download=true" : "");
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }

    /** A string value, null when absent, null or empty. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        String value = node.asString();
        return value.isEmpty() ? null : value;
    }
}
