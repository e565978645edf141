package com.personacomposer.image.provider.replicate;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * A Replicate prediction as far as image-service cares.
 *
 * @param getUrl    where to look at it again (urls.get)
 * @param cancelUrl where to cancel it (urls.cancel)
 */
record Prediction(String id, String status, List<String> output, String error, URI getUrl, URI cancelUrl) {

    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "canceled", "aborted");

    boolean finished() {
        return TERMINAL.contains(status);
    }

    /**
     * Reads a prediction. Links are only followed on the API's own origin (they are sent our token); anything
     * else is replaced by the documented path for the prediction's id.
     */
    static Prediction of(JsonNode body, URI base) {
        String id = body.path("id").asString("");
        List<String> output = new ArrayList<>();
        JsonNode out = body.path("output");
        if (out.isArray()) {
            out.forEach(item -> {
                if (item.isString()) {
                    output.add(item.asString());
                }
            });
        } else if (out.isString()) {
            output.add(out.asString());
        }
        JsonNode error = body.path("error");
        String errorText = error.isNull() || error.isMissingNode() ? null
                : error.isString() ? error.asString() : error.toString();
        URI get = sameOrigin(body.path("urls").path("get").asString(null), base,
                UriComponentsBuilder.fromUri(base).pathSegment("predictions", id).build().toUri());
        URI cancel = sameOrigin(body.path("urls").path("cancel").asString(null), base,
                UriComponentsBuilder.fromUri(base).pathSegment("predictions", id, "cancel").build().toUri());
        return new Prediction(id, body.path("status").asString(""), List.copyOf(output), errorText, get, cancel);
    }

    private static URI sameOrigin(String link, URI base, URI fallback) {
        if (link == null) {
            return fallback;
        }
        try {
            URI uri = URI.create(link);
            boolean same = base.getScheme().equalsIgnoreCase(uri.getScheme())
                    && base.getHost().equalsIgnoreCase(uri.getHost())
                    && port(base) == port(uri);
            return same ? uri : fallback;
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
