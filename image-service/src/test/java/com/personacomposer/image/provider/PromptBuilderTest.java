package com.personacomposer.image.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.personacomposer.events.MottoTone;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {

    static final String ORIGINAL = "Photorealistic social media profile photo of a person called ${name} with the "
            + "attributes ${description} - Sigma 24mm f/8 — wider angle, smaller focal length";

    private final PromptBuilder builder = new PromptBuilder(ORIGINAL);

    @Test
    void fillsTheOriginalTemplateWordForWord() {
        String prompt = builder.build(new ImagePrompt("Zoë O'Brien", "a jazz pianist in a smoky bar", MottoTone.NEUTRAL));

        assertThat(prompt).isEqualTo("Photorealistic social media profile photo of a person called Zoë O'Brien with "
                + "the attributes a jazz pianist in a smoky bar - Sigma 24mm f/8 — wider angle, smaller focal length");
    }

    @Test
    void placeholdersInsideTheValuesAreNotExpandedAgain() {
        String prompt = builder.build(new ImagePrompt("${description}", "${name}", MottoTone.NEUTRAL));

        assertThat(prompt).contains("called ${description} with the attributes ${name} - Sigma");
    }

    @Test
    void shortensOnlyTheDescriptionToFitAModelsLimit() {
        String name = "N".repeat(80);
        ImagePrompt prompt = new ImagePrompt(name, "word ".repeat(160), MottoTone.NEUTRAL);

        String fitted = builder.build(prompt, 1000);

        assertThat(builder.build(prompt)).hasSizeGreaterThan(1000);
        assertThat(fitted).hasSizeLessThanOrEqualTo(1000).contains("called " + name + " with")
                .endsWith(" - Sigma 24mm f/8 — wider angle, smaller focal length");
    }

    @Test
    void leavesAPromptThatFitsAlone() {
        ImagePrompt prompt = new ImagePrompt("Ada", "a mathematician", MottoTone.NEUTRAL);

        assertThat(builder.build(prompt, 1000)).isEqualTo(builder.build(prompt));
    }

    @Test
    void refusesALimitTheNameAndTemplateCannotMeet() {
        ImagePrompt prompt = new ImagePrompt("Ada", "a mathematician", MottoTone.NEUTRAL);

        assertThatThrownBy(() -> builder.build(prompt, 50)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTemplateWithoutTheNameIsRejected() {
        assertThatThrownBy(() -> new PromptBuilder("a portrait of ${description}"))
                .hasMessageContaining("${name}");
    }
}
