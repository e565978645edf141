package com.personacomposer.gateway.request;

import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.WebhookEventType;
import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.kit.problem.FieldProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Checks a POST /api/personas body field by field (every bad field is reported, not just the first). Types are
 * checked strictly: {@code "name": 5} or {@code "name": {"$gt": ""}} is an error, never coerced. Unknown fields are
 * ignored. Lengths count Unicode code points, so every script gets the same limits.
 */
final class PersonaRequestValidator {

    static final int NAME_MAX = 80;
    static final int DESCRIPTION_MAX = 800;
    static final int WEBHOOK_MAX = 2000;
    static final String WEBHOOK = "webhook";
    static final String WEBHOOK_EVENTS = "webhookEvents";

    private final ImageModel defaultModel;

    PersonaRequestValidator(ImageModel defaultModel) {
        this.defaultModel = defaultModel;
    }

    /** Either the input or the errors. */
    record Result(PersonaRequestInput input, List<FieldProblem> errors) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    Result validate(JsonNode body) {
        List<FieldProblem> errors = new ArrayList<>();
        String name = name(body.get("name"), errors);
        String description = description(body.get("description"), errors);
        MottoTone tone = choice("mottoTone", body.get("mottoTone"), MottoTone.NEUTRAL, MottoTone.values(),
                MottoTone::id, MottoTone::fromId, errors);
        ImageModel model = choice("model", body.get("model"), defaultModel, ImageModel.values(),
                ImageModel::id, ImageModel::fromId, errors);
        boolean force = force(body.get("force"), errors);
        WebhookRequest webhook = webhook(body.get("webhook"), body.get("webhookEvents"), errors);
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new PersonaRequestInput(PersonaName.of(name), description, tone, model, force, webhook),
                List.of());
    }

    /** The webhook asked for, null when none was; its address is checked later, once the caller is known. */
    private static WebhookRequest webhook(JsonNode urlNode, JsonNode eventsNode, List<FieldProblem> errors) {
        boolean noUrl = urlNode == null || urlNode.isNull();
        boolean noEvents = eventsNode == null || eventsNode.isNull();
        if (noUrl) {
            if (!noEvents) {
                errors.add(new FieldProblem(WEBHOOK_EVENTS, "is only taken with webhook"));
            }
            return null;
        }
        URI url = webhookUrl(urlNode, errors);
        Set<WebhookEventType> events = noEvents ? EnumSet.allOf(WebhookEventType.class) : webhookEvents(eventsNode, errors);
        return url == null || events == null ? null : new WebhookRequest(url, events);
    }

    private static URI webhookUrl(JsonNode node, List<FieldProblem> errors) {
        if (!node.isString()) {
            errors.add(new FieldProblem(WEBHOOK, mustBeString(node) + " (an https URL)"));
            return null;
        }
        String raw = node.stringValue();
        if (raw.length() > WEBHOOK_MAX) {
            errors.add(new FieldProblem(WEBHOOK, "must be at most " + WEBHOOK_MAX + " characters (was " + raw.length() + ")"));
            return null;
        }
        try {
            URI url = new URI(raw);
            if (url.isAbsolute() && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException malformed) {
            // Answered below, like a URL without a scheme or host.
        }
        errors.add(new FieldProblem(WEBHOOK, "must be an absolute https URL, such as https://example.com/hooks/personas"));
        return null;
    }

    private static Set<WebhookEventType> webhookEvents(JsonNode node, List<FieldProblem> errors) {
        String allowed = Arrays.stream(WebhookEventType.values()).map(WebhookEventType::id).collect(Collectors.joining(", "));
        if (!node.isArray() || node.isEmpty()) {
            errors.add(new FieldProblem(WEBHOOK_EVENTS, "must be a non-empty array of " + allowed
                    + " (leave it out for all three)"));
            return null;
        }
        Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
        for (JsonNode event : node) {
            Optional<WebhookEventType> type = event.isString() ? WebhookEventType.fromId(event.stringValue()) : Optional.empty();
            if (type.isEmpty()) {
                errors.add(new FieldProblem(WEBHOOK_EVENTS, "may hold only " + allowed + ", not "
                        + (event.isString() ? "'" + event.stringValue() + "'" : typeOf(event))));
                return null;
            }
            events.add(type.get());
        }
        return events;
    }

    private static String name(JsonNode node, List<FieldProblem> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldProblem("name", "is required"));
            return null;
        }
        if (!node.isString()) {
            errors.add(new FieldProblem("name", mustBeString(node)));
            return null;
        }
        String raw = node.stringValue();
        Optional<String> textProblem = textProblem(raw, false);
        if (textProblem.isPresent()) {
            errors.add(new FieldProblem("name", textProblem.get()));
            return null;
        }
        if (PersonaName.hasHiddenCharacters(raw)) {
            errors.add(new FieldProblem("name", "must not contain zero-width or bidirectional control characters"));
            return null;
        }
        String display = PersonaName.displayName(raw);
        int length = display.codePointCount(0, display.length());
        if (length == 0) {
            errors.add(new FieldProblem("name", "must not be blank"));
            return null;
        }
        if (length > NAME_MAX) {
            errors.add(new FieldProblem("name", "must be at most " + NAME_MAX + " characters (was " + length + ")"));
            return null;
        }
        return raw;
    }

    private static String description(JsonNode node, List<FieldProblem> errors) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isString()) {
            errors.add(new FieldProblem("description", mustBeString(node)));
            return null;
        }
        String text = node.stringValue().replace("\r\n", "\n");
        Optional<String> textProblem = textProblem(text, true);
        if (textProblem.isPresent()) {
            errors.add(new FieldProblem("description", textProblem.get()));
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (length > DESCRIPTION_MAX) {
            errors.add(new FieldProblem("description",
                    "must be at most " + DESCRIPTION_MAX + " characters (was " + length + ")"));
            return null;
        }
        return text;
    }

    private static <T> T choice(String field, JsonNode node, T defaultValue, T[] values, Function<T, String> id,
                                Function<String, Optional<T>> fromId, List<FieldProblem> errors) {
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        String allowed = Arrays.stream(values).map(id).collect(Collectors.joining(", "));
        if (!node.isString()) {
            errors.add(new FieldProblem(field, mustBeString(node) + " (one of " + allowed + ")"));
            return null;
        }
        Optional<T> value = fromId.apply(node.stringValue());
        if (value.isEmpty()) {
            errors.add(new FieldProblem(field, "must be one of " + allowed));
            return null;
        }
        return value.get();
    }

    private static boolean force(JsonNode node, List<FieldProblem> errors) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            errors.add(new FieldProblem("force", "must be true or false, not " + typeOf(node)));
            return false;
        }
        return node.booleanValue();
    }

    /** Control characters (newline allowed where asked) and lone surrogates, which are not text at all. */
    private static Optional<String> textProblem(String text, boolean newlineAllowed) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.getType(cp) == Character.CONTROL && !(newlineAllowed && cp == '\n')) {
                return Optional.of(newlineAllowed
                        ? "must not contain control characters other than newline"
                        : "must not contain control characters");
            }
            if (Character.getType(cp) == Character.SURROGATE) {
                return Optional.of("must be valid Unicode text (it has an unpaired surrogate)");
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    private static String mustBeString(JsonNode node) {
        return "must be a string, not " + typeOf(node);
    }

    private static String typeOf(JsonNode node) {
        String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
        return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
    }
}
