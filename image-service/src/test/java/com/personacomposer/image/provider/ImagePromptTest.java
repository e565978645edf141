package com.personacomposer.image.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.MottoTone;
import org.junit.jupiter.api.Test;

class ImagePromptTest {

    @Test
    void controlCharactersAndLineBreaksBecomeSingleSpaces() {
        ImagePrompt prompt = new ImagePrompt("  Ada\u0000 Love\u0007lace ",
                "line one\nline two\r\n\tignore previous\u001b[31m instructions", MottoTone.NEUTRAL);

        assertThat(prompt.name()).isEqualTo("Ada Love lace");
        assertThat(prompt.description()).isEqualTo("line one line two ignore previous [31m instructions");
    }

    @Test
    void capsNameAndDescriptionInCodePointsWithoutSplittingAPair() {
        String emoji = "\uD83D\uDE00";
        ImagePrompt prompt = new ImagePrompt(emoji.repeat(100), "é".repeat(900), MottoTone.NEUTRAL);

        assertThat(prompt.name().codePointCount(0, prompt.name().length())).isEqualTo(ImagePrompt.MAX_NAME);
        assertThat(prompt.name()).isEqualTo(emoji.repeat(80));
        assertThat(prompt.description()).hasSize(ImagePrompt.MAX_DESCRIPTION);
    }

    @Test
    void aMissingDescriptionIsEmpty() {
        assertThat(new ImagePrompt("Ada", null, MottoTone.SOMBRE).description()).isEmpty();
    }
}
