package com.personacomposer.gateway.page;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The persona's first page handed to the page's script inside the HTML ({@code <script type="application/json">}),
 * so the page shows it without asking again. Inside a script element only {@code </script} or {@code <!--} could end
 * or confuse it: every {@code <}, {@code >} and {@code &} is written as its JSON escape (they occur only inside
 * strings, where the escape reads back as the same character).
 */
final class PageData {

    private PageData() {
    }

    /** {@code {"limit": N, "persona": <the API's answer>}}: the limit the page asked with, to ask again the same way. */
    static String of(JsonMapper json, JsonNode persona, int limit) {
        ObjectNode data = json.createObjectNode();
        data.put("limit", limit);
        data.set("persona", persona);
        return forScriptElement(json.writeValueAsString(data));
    }

    static String forScriptElement(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
