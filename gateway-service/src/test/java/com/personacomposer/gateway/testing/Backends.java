package com.personacomposer.gateway.testing;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies as persona-service and image-service really answer them, field for field: persona-service's
 * PersonaViews (PersonaView, ImageView, PersonaPage, PersonaSummary, VoteView), RequestView and its problem
 * answers (Spring MVC ProblemDetail: no type, errors only for input), and image-service's ModelsController.
 */
public final class Backends {

    public static final Instant CREATED = Instant.parse("2026-01-05T10:00:00Z");
    public static final Instant UPDATED = Instant.parse("2026-01-05T10:00:03Z");
    /** WireMock's response template for the requestId of GET /api/requests/{requestId}. */
    public static final String PATH_REQUEST_ID = "{{request.pathSegments.[2]}}";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * persona-service's answer to PUT /internal/requests/{requestId}: the request as recorded (a WireMock template).
     * Declared after NODES and JSON, which make it.
     */
    public static final String RECORDED = pending(PATH_REQUEST_ID, "{{jsonPath request.body '$.personaName'}}",
            "{{jsonPath request.body '$.slug'}}");

    private Backends() {
    }

    public static String persona(String name, String slug, String... imageIds) {
        ObjectNode persona = NODES.objectNode().put("name", name).put("slug", slug)
                .put("createdAt", CREATED.toString()).put("updatedAt", UPDATED.toString())
                .put("imageCount", imageIds.length);
        if (imageIds.length == 0) {
            persona.putNull("motto").putNull("coverImageId");
        } else {
            persona.put("motto", "Hats off? Never.").put("coverImageId", imageIds[imageIds.length - 1]);
        }
        images(persona.putArray("images"), imageIds);
        persona.putNull("nextImages");
        return JSON.writeValueAsString(persona);
    }

    /** One image as GET /api/personas/{slug}/images/{imageId} answers it. */
    public static String image(String imageId) {
        ArrayNode one = NODES.arrayNode();
        images(one, imageId);
        return JSON.writeValueAsString(one.get(0));
    }

    /** A page of images as GET /api/personas/{slug}/images answers it; {@code next} may be null. */
    public static String imagePage(String next, String... imageIds) {
        ObjectNode page = NODES.objectNode();
        images(page.putArray("items"), imageIds);
        return JSON.writeValueAsString(next == null ? page.putNull("next") : page.put("next", next));
    }

    private static void images(ArrayNode images, String... imageIds) {
        for (String imageId : imageIds) {
            images.addObject()
                    .put("id", imageId)
                    .put("requestId", UUID.randomUUID().toString())
                    .put("url", presignedUrl(imageId))
                    .put("urlExpiresAt", Instant.now().plusSeconds(60).toString())
                    .put("thumbnailUrl", presignedUrl(imageId + ".thumb"))
                    .put("thumbnail2xUrl", presignedUrl(imageId + ".thumb2x"))
                    .put("model", "local")
                    .put("description", "tall, likes hats")
                    .put("mottoTone", "sarcastic")
                    .put("motto", "Hats off? Never.")
                    .put("upvotes", 3)
                    .put("downvotes", 0)
                    .put("createdAt", CREATED.toString())
                    .put("createdBy", "demo")
                    .put("mine", false)
                    .putNull("myVote");
        }
    }

    /** The second summary is of a persona whose first image is not there yet (motto, tone and cover are null). */
    public static String personaPage(int page, int size) {
        ObjectNode body = NODES.objectNode();
        ArrayNode items = body.putArray("items");
        items.addObject().put("name", "Zoë O'Brien").put("slug", "zoë-o-brien").put("motto", "Hats off? Never.")
                .put("mottoTone", "sarcastic").put("imageCount", 2).put("coverUrl", presignedUrl("img-2.thumb"))
                .put("cover2xUrl", presignedUrl("img-2.thumb2x"))
                .put("updatedAt", UPDATED.toString());
        items.addObject().put("name", "李小龙").put("slug", "李小龙").putNull("motto").putNull("mottoTone")
                .put("imageCount", 0).putNull("coverUrl").putNull("cover2xUrl").put("updatedAt", CREATED.toString());
        return JSON.writeValueAsString(body.put("page", page).put("size", size).putNull("next"));
    }

    /** {@code error} is left out unless the request failed, as persona-service does. */
    public static String requestStatus(String requestId, String name, String slug, String status, String image, String storage,
                                String motto, String failedStage, String reason) {
        ObjectNode body = NODES.objectNode().put("requestId", requestId).put("personaName", name).put("slug", slug)
                .put("status", status);
        body.putObject("stages").put("image", image).put("storage", storage).put("motto", motto);
        if (failedStage != null) {
            body.putObject("error").put("stage", failedStage).put("message", reason);
        }
        return JSON.writeValueAsString(body.put("createdAt", CREATED.toString()).put("updatedAt", UPDATED.toString()));
    }

    public static String pending(String requestId, String name, String slug) {
        return requestStatus(requestId, name, slug, "PENDING", "PENDING", "PENDING", "PENDING", null, null);
    }

    public static String completed(String requestId, String name, String slug) {
        return requestStatus(requestId, name, slug, "COMPLETED", "DONE", "DONE", "DONE", null, null);
    }

    /** Canceled after the image was made: the stages it never finished stay PENDING. */
    public static String canceled(String requestId, String name, String slug) {
        return requestStatus(requestId, name, slug, "CANCELED", "DONE", "PENDING", "PENDING", null, null);
    }

    /**
     * The status as the request's principal reads it when it asked for a webhook: {@code webhook} with the delivery's
     * state (null fields as persona-service writes them).
     */
    public static String withWebhook(String status, String state, int attempts, Integer lastStatus, String nextAttemptAt) {
        ObjectNode body = (ObjectNode) JSON.readTree(status);
        ObjectNode webhook = body.putObject("webhook").put("state", state).put("attempts", attempts);
        if (lastStatus == null) {
            webhook.putNull("lastStatus");
        } else {
            webhook.put("lastStatus", lastStatus);
        }
        webhook.put("nextAttemptAt", nextAttemptAt);
        return JSON.writeValueAsString(body);
    }

    /** {@code myVote}: up, down or null (no vote). */
    public static String votes(String imageId, long upvotes, long downvotes, String myVote) {
        return JSON.writeValueAsString(NODES.objectNode().put("imageId", imageId).put("upvotes", upvotes)
                .put("downvotes", downvotes).put("myVote", myVote));
    }

    /** image-service leaves reason out for an available model. */
    public static String models() {
        ObjectNode body = NODES.objectNode().put("default", "local");
        ArrayNode models = body.putArray("models");
        models.addObject().put("id", "local").put("name", "Local renderer").put("available", true);
        models.addObject().put("id", "dall-e").put("name", "DALL-E").put("available", false)
                .put("reason", "OPENAI_API_KEY is not set");
        models.addObject().put("id", "openjourney").put("name", "OpenJourney").put("available", false)
                .put("reason", "REPLICATE_API_TOKEN is not set");
        return JSON.writeValueAsString(body);
    }

    /** {@code fieldsAndMessages}: field, message, field, message... (none: a problem with no errors at all). */
    public static String problem(int status, String title, String detail, String instance, String... fieldsAndMessages) {
        ObjectNode body = NODES.objectNode().put("title", title).put("status", status).put("detail", detail)
                .put("instance", instance);
        if (fieldsAndMessages.length > 0) {
            ArrayNode errors = body.putArray("errors");
            for (int i = 0; i + 1 < fieldsAndMessages.length; i += 2) {
                errors.addObject().put("field", fieldsAndMessages[i]).put("message", fieldsAndMessages[i + 1]);
            }
        }
        return JSON.writeValueAsString(body);
    }

    private static String presignedUrl(String imageId) {
        return "http://127.0.0.1:9000/persona-images/persona-generations/3f9a8c7e1b2d4f60/" + imageId + ".png"
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260105T100000Z&X-Amz-SignedHeaders=host"
                + "&X-Amz-Expires=60&X-Amz-Credential=devstack%2F20260105%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Signature=0e5f8c6a1d2b3c4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6";
    }
}
