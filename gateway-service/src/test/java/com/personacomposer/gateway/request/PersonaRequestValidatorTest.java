package com.personacomposer.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.WebhookEventType;
import com.personacomposer.kit.problem.FieldProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PersonaRequestValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCRIPT_A = "\uD835\uDC9C"; // U+1D49C, one code point, two UTF-16 units

    private final PersonaRequestValidator validator = new PersonaRequestValidator(ImageModel.OPENJOURNEY);

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                arguments("zero-width space in the name", body("name", "Ada\u200BLovelace"), "name", "zero-width"),
                arguments("right-to-left override in the name", body("name", "\u202Eecalevol ada"), "name", "bidirectional"),
                arguments("no name", "{}", "name", "is required"),
                arguments("null name", "{\"name\": null}", "name", "is required"),
                arguments("blank name", body("name", " \u3000 "), "name", "must not be blank"),
                arguments("81-character name", body("name", "a".repeat(81)), "name", "at most 80 characters (was 81)"),
                arguments("81 code points outside the BMP", body("name", SCRIPT_A.repeat(81)), "name", "(was 81)"),
                arguments("name as number", "{\"name\": 5}", "name", "must be a string, not a number"),
                arguments("name as boolean", "{\"name\": true}", "name", "must be a string, not a boolean"),
                arguments("name as operator object", "{\"name\": {\"$gt\": \"\"}}", "name", "must be a string, not an object"),
                arguments("name as array", "{\"name\": [\"Ada\"]}", "name", "must be a string, not an array"),
                arguments("bell in name", body("name", "Ada\u0007"), "name", "must not contain control characters"),
                arguments("tab in name", body("name", "Ada\tLovelace"), "name", "must not contain control characters"),
                arguments("newline in name", body("name", "Ada\nLovelace"), "name", "must not contain control characters"),
                arguments("C1 control in name", body("name", "Ada\u0085"), "name", "must not contain control characters"),
                arguments("unpaired surrogate in name", "{\"name\": \"Ada\\ud800\"}", "name", "unpaired surrogate"),
                arguments("801-character description", body("description", "d".repeat(801)), "description",
                        "at most 800 characters (was 801)"),
                arguments("NUL in description", body("description", "a\u0000b"), "description",
                        "control characters other than newline"),
                arguments("lone carriage return in description", body("description", "a\rb"), "description",
                        "control characters other than newline"),
                arguments("tab in description", body("description", "a\tb"), "description",
                        "control characters other than newline"),
                arguments("description as number", "{\"name\": \"Ada\", \"description\": 1}", "description",
                        "must be a string, not a number"),
                arguments("description as operator object", "{\"name\": \"Ada\", \"description\": {\"$ne\": null}}",
                        "description", "must be a string, not an object"),
                arguments("unknown tone", body("mottoTone", "cheerful"), "mottoTone",
                        "must be one of neutral, sarcastic, comical, sombre"),
                arguments("tone in capitals", body("mottoTone", "Neutral"), "mottoTone", "must be one of"),
                arguments("empty tone", body("mottoTone", ""), "mottoTone", "must be one of"),
                arguments("tone as array", "{\"name\": \"Ada\", \"mottoTone\": [\"neutral\"]}", "mottoTone",
                        "must be a string, not an array"),
                arguments("unknown model", body("model", "midjourney"), "model", "must be one of local, dall-e, openjourney"),
                arguments("model as operator object", "{\"name\": \"Ada\", \"model\": {\"$in\": [\"local\"]}}", "model",
                        "must be a string, not an object"),
                arguments("force as string", "{\"name\": \"Ada\", \"force\": \"yes\"}", "force",
                        "must be true or false, not a string"),
                arguments("force as number", "{\"name\": \"Ada\", \"force\": 1}", "force",
                        "must be true or false, not a number"),
                arguments("webhook as number", "{\"name\": \"Ada\", \"webhook\": 443}", "webhook",
                        "must be a string, not a number"),
                arguments("webhook without a scheme", body("webhook", "hooks.example.com/personas"), "webhook",
                        "must be an absolute https URL"),
                arguments("webhook that is no URL", body("webhook", "https://exa mple.com/"), "webhook",
                        "must be an absolute https URL"),
                arguments("webhook of 2001 characters", body("webhook", "https://example.com/" + "a".repeat(1981)),
                        "webhook", "at most 2000 characters"),
                arguments("an unknown webhook event", "{\"name\": \"Ada\", \"webhook\": \"https://example.com/h\", "
                        + "\"webhookEvents\": [\"completed\", \"done\"]}", "webhookEvents",
                        "may hold only completed, failed, canceled, not 'done'"),
                arguments("an event in capitals", "{\"name\": \"Ada\", \"webhook\": \"https://example.com/h\", "
                        + "\"webhookEvents\": [\"COMPLETED\"]}", "webhookEvents", "not 'COMPLETED'"),
                arguments("no webhook events at all", "{\"name\": \"Ada\", \"webhook\": \"https://example.com/h\", "
                        + "\"webhookEvents\": []}", "webhookEvents", "must be a non-empty array"),
                arguments("webhook events as a string", "{\"name\": \"Ada\", \"webhook\": \"https://example.com/h\", "
                        + "\"webhookEvents\": \"completed\"}", "webhookEvents", "must be a non-empty array"),
                arguments("webhook events without a webhook", "{\"name\": \"Ada\", \"webhookEvents\": [\"failed\"]}",
                        "webhookEvents", "only taken with webhook"));
    }

    @Test
    void aWebhookWithoutEventsAsksForAllThreeAndTheEventsAskedForAreKept() {
        PersonaRequestInput all = validator.validate(read(
                "{\"name\": \"Ada\", \"webhook\": \"https://hooks.example.com/p?x=1\"}")).input();
        PersonaRequestInput some = validator.validate(read("{\"name\": \"Ada\", \"webhook\": \"https://hooks.example.com/p\", "
                + "\"webhookEvents\": [\"canceled\", \"completed\", \"canceled\"]}")).input();
        PersonaRequestInput none = validator.validate(read("{\"name\": \"Ada\", \"webhook\": null}")).input();

        assertThat(all.webhook().url()).hasToString("https://hooks.example.com/p?x=1");
        assertThat(all.webhook().events()).containsExactly(WebhookEventType.COMPLETED, WebhookEventType.FAILED,
                WebhookEventType.CANCELED);
        assertThat(some.webhook().events()).containsExactly(WebhookEventType.COMPLETED, WebhookEventType.CANCELED);
        assertThat(none.webhook()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void rejectsWithTheFieldNamed(String title, String body, String field, String message) {
        PersonaRequestValidator.Result result = validator.validate(read(body));

        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).contains(message);
        });
    }

    static Stream<Arguments> validBodies() {
        return Stream.of(
                arguments("80-character name", body("name", "a".repeat(80))),
                arguments("80 code points outside the BMP", body("name", SCRIPT_A.repeat(80))),
                arguments("80 characters once whitespace is trimmed and collapsed", body("name", "  " + "ab  ".repeat(26) + "ab  ")),
                arguments("Chinese name", body("name", "李小龙")),
                arguments("name with apostrophe", body("name", "O'Brien")),
                arguments("800-character description", body("description", "d".repeat(800))),
                arguments("800 characters once CRLF is normalised", body("description", "d\r\n".repeat(400))),
                arguments("description with newlines", body("description", "tall\nfriendly\n")),
                arguments("empty description", body("description", "")),
                arguments("every tone", "{\"name\": \"Ada\", \"mottoTone\": \"sombre\"}"),
                arguments("every model", "{\"name\": \"Ada\", \"model\": \"dall-e\"}"),
                arguments("unknown fields", "{\"name\": \"Ada\", \"colour\": {\"$where\": \"1\"}, \"n\": [1, 2]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validBodies")
    void accepts(String title, String body) {
        PersonaRequestValidator.Result result = validator.validate(read(body));

        assertThat(result.errors()).isEmpty();
        assertThat(result.input()).isNotNull();
    }

    @Test
    void fillsDefaultsForMissingAndNullFields() {
        PersonaRequestInput input = validator.validate(
                read("{\"name\": \"  Zoë   Smith \", \"description\": null, \"mottoTone\": null, \"model\": null, \"force\": null}"))
                .input();

        assertThat(input.name().displayName()).isEqualTo("Zoë Smith");
        assertThat(input.name().key()).isEqualTo("zoë smith");
        assertThat(input.name().slug()).isEqualTo("zoë-smith");
        assertThat(input.description()).isEmpty();
        assertThat(input.mottoTone()).isEqualTo(MottoTone.NEUTRAL);
        assertThat(input.model()).isEqualTo(ImageModel.OPENJOURNEY);
        assertThat(input.force()).isFalse();
    }

    @Test
    void keepsWhatWasAskedFor() {
        PersonaRequestInput input = validator.validate(read(
                "{\"name\": \"McDonald\", \"description\": \"a\\r\\nb\", \"mottoTone\": \"sarcastic\", \"model\": \"local\", \"force\": true}"))
                .input();

        assertThat(input.name().displayName()).isEqualTo("McDonald");
        assertThat(input.description()).isEqualTo("a\nb");
        assertThat(input.mottoTone()).isEqualTo(MottoTone.SARCASTIC);
        assertThat(input.model()).isEqualTo(ImageModel.LOCAL);
        assertThat(input.force()).isTrue();
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        PersonaRequestValidator.Result result = validator.validate(read(
                "{\"name\": 5, \"description\": [], \"mottoTone\": \"loud\", \"model\": \"x\", \"force\": \"no\"}"));

        assertThat(result.errors()).extracting(FieldProblem::field)
                .containsExactly("name", "description", "mottoTone", "model", "force");
    }

    private static String body(String field, String value) {
        Map<String, String> body = new LinkedHashMap<>();
        if (!field.equals("name")) {
            body.put("name", "Ada");
        }
        body.put(field, value);
        return JSON.writeValueAsString(body);
    }

    private static JsonNode read(String json) {
        return JSON.readTree(json);
    }
}
