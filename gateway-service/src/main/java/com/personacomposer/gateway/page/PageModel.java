package com.personacomposer.gateway.page;

import java.util.List;

/**
 * What templates/page.mustache shows. Every text is inserted HTML-escaped by the template (names are any Unicode,
 * quotes included); {@code personaJson} is the one raw insert, escaped for a script element by {@link PageData}.
 *
 * @param head          the title and what a shared link previews
 * @param signInEnabled whether the header offers sign-in (its space is kept from the start)
 * @param persona       the persona page's persona, null on the home page and while it is unknown
 * @param form          the composer's starting values
 * @param emptyCard     the image card the page's script clones (the same markup as the server's cards)
 * @param personaJson   the persona's first page as the API answers it, for the page's script; null without one
 */
record PageModel(Head head, boolean signInEnabled, PersonaSection persona, Form form, Card emptyCard,
                 String personaJson) {

    /**
     * @param title      the document's title
     * @param shareTitle what a link preview shows as its title
     * @param url        the page's absolute URL
     * @param image      the preview image, null for none
     * @param noindex    whether search engines should leave the page out (a persona that does not exist)
     * @param imagesFrom the origin the page's images come from (the S3 endpoint), connected to early; null: none
     */
    record Head(String title, String shareTitle, String description, String url, SharedImage image,
                boolean noindex, String imagesFrom) {

        Head withImagesFrom(String origin) {
            return new Head(title, shareTitle, description, url, image, noindex, origin);
        }
    }

    /** @param url an absolute, stable URL: it redirects to a fresh presigned URL at every request */
    record SharedImage(String url, String alt) {
    }

    /** @param nextImages whether more images follow the first page (the "Show more images" button shows) */
    record PersonaSection(String name, String countText, List<Card> cards, boolean nextImages) {
    }

    record Form(String name, boolean force, String submitText, Model defaultModel) {
    }

    record Model(String id, String name) {
    }

    /**
     * One image card as the page's script also draws it (what takes space, and the image's alt text; the script adds
     * the buttons' labels).
     *
     * @param link        the image's own page, /p/{slug}/images/{id}
     * @param eager       the first card: fetched at once and first (it is what the reader sees first)
     * @param downloadUrl the original, served as a download
     */
    record Card(String id, String link, String alt, String thumbnailUrl, String thumbnail2xUrl, boolean eager,
                String motto, String description, String meta, long upvotes, long downvotes, String downloadUrl) {

        static final Card EMPTY = new Card(null, null, "", null, null, false, null, null, null, 0, 0, null);
    }
}
