package com.personacomposer.motto.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.MottoTone;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LocalMottoComposerTest {

    private static final String KNIGHT = "A brave knight from Norway who loves dragons and old maps";
    private final LocalMottoComposer composer = new LocalMottoComposer();

    private static MottoRequest request(String name, String description, MottoTone tone) {
        return new MottoRequest(name.toLowerCase(Locale.ROOT), name, description, tone);
    }

    @ParameterizedTest
    @EnumSource(MottoTone.class)
    void everyToneHasItsOwnTemplatesAndTheMottoComesFromThem(MottoTone tone) {
        List<String> templates = ToneTemplates.of(tone);
        assertThat(templates).hasSizeGreaterThanOrEqualTo(8).doesNotHaveDuplicates();
        assertThat(templates.stream().filter(t -> !ToneTemplates.needsTwoWords(t))).hasSizeGreaterThanOrEqualTo(4);
        for (MottoTone other : MottoTone.values()) {
            if (other != tone) {
                assertThat(templates).doesNotContainAnyElementsOf(ToneTemplates.of(other));
            }
        }
        for (int i = 0; i < 40; i++) {
            String motto = composer.compose(request("Persona " + i, KNIGHT, tone));
            assertThat(templates).anyMatch(template -> asPattern(template).matcher(motto).matches());
        }
    }

    @Test
    void theSamePersonaGetsADifferentMottoInEachTone() {
        Set<String> mottos = new HashSet<>();
        for (MottoTone tone : MottoTone.values()) {
            mottos.add(composer.compose(request("Sir Galahad", KNIGHT, tone)));
        }
        assertThat(mottos).hasSize(MottoTone.values().length);
    }

    @ParameterizedTest
    @EnumSource(MottoTone.class)
    void fillsTheTemplateWithSalientPhrasesOfTheDescription(MottoTone tone) {
        for (int i = 0; i < 20; i++) {
            String motto = composer.compose(request("Knight " + i, KNIGHT, tone));
            List<String> slots = ToneTemplates.of(tone).stream()
                    .map(template -> asPattern(template).matcher(motto))
                    .filter(Matcher::matches)
                    .findFirst()
                    .map(matcher -> IntStream.rangeClosed(1, matcher.groupCount()).mapToObj(matcher::group).toList())
                    .orElseThrow();
            assertThat(slots).isNotEmpty().allSatisfy(slot -> assertThat(slot.toLowerCase(Locale.ROOT))
                    .isIn("brave knight", "norway", "dragons", "old maps"));
        }
    }

    @Test
    void fallsBackToTheNameWhenTheDescriptionIsEmptyOrOnlyStopWords() {
        assertThat(composer.compose(request("Ada Lovelace", "", MottoTone.NEUTRAL))).containsAnyOf("Ada", "Lovelace");
        assertThat(composer.compose(request("Ada Lovelace", "she is the one", MottoTone.SOMBRE)))
                .containsAnyOf("Ada", "Lovelace");
        assertThat(composer.compose(request("Al", "", MottoTone.COMICAL))).contains("Al");
        assertThat(composer.compose(request("李小龙", "", MottoTone.SARCASTIC))).contains("李小龙");
    }

    @Test
    void differsAcrossPersonasAndDescriptions() {
        Set<String> byName = new HashSet<>();
        Set<String> byDescription = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            byName.add(composer.compose(request("Persona " + i, KNIGHT, MottoTone.COMICAL)));
            byDescription.add(composer.compose(request("Sam", "a %d-year-old baker with flour on her apron, "
                    .formatted(20 + i) + List.of("cheerful", "grumpy", "sleepy").get(i % 3), MottoTone.COMICAL)));
        }
        assertThat(byName).hasSizeGreaterThanOrEqualTo(10);
        assertThat(byDescription).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void isDeterministicForTheSameInput() {
        MottoRequest request = request("Grace Hopper", "admiral, compiler pioneer, finder of moths", MottoTone.SARCASTIC);
        String first = composer.compose(request);
        assertThat(new LocalMottoComposer().compose(request)).isEqualTo(first);
        assertThat(composer.compose(request)).isEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(MottoTone.class)
    void isOneNonBlankLineOfAtMost120Characters(MottoTone tone) {
        String longWords = IntStream.range(0, 40).mapToObj(i -> "supercalifragilistic" + "x".repeat(i))
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        List<String> descriptions = List.of(longWords, "z".repeat(800), "", "\n\n  \t", "ünïcödé\nwörds\r\nhere",
                "🦄🦄🦄 rainbow🦄unicorn " + "🦄".repeat(100));
        for (String description : descriptions) {
            for (int i = 0; i < 10; i++) {
                String motto = composer.compose(request("Persona " + i, description, tone));
                assertThat(motto).isNotBlank().hasSizeLessThanOrEqualTo(120).doesNotContain("\n", "\r", "\t");
            }
        }
    }

    @Test
    void fitCutsOverlongLinesAtAWordBoundary() {
        String fitted = MottoText.fit("word ".repeat(40));
        assertThat(fitted).hasSizeLessThanOrEqualTo(120).endsWith("word…");
        assertThat(MottoText.fit("a\nb")).isEqualTo("a b");
    }

    @Test
    void keywordsArePhrasesOfAdjacentSalientWords() {
        assertThat(Keywords.of("The incredibly brave knight of the 12 kingdoms, who is the King's friend"))
                .containsExactly("brave knight", "kingdoms", "King's friend");
        assertThat(Keywords.of(KNIGHT)).containsExactly("brave knight", "Norway", "dragons", "old maps");
        assertThat(Keywords.of("dragons, maps\nand swords")).containsExactly("dragons", "maps", "swords");
        assertThat(Keywords.of("a tall dark handsome mysterious stranger"))
                .containsExactly("handsome mysterious stranger");
        assertThat(Keywords.of("Brave and BRAVE and brave")).containsExactly("Brave");
        assertThat(Keywords.of("a sharp-witted O'Brien")).containsExactly("sharp-witted O'Brien");
        assertThat(Keywords.of("Pneumonoultramicroscopicsilicovolcanoconiosis")).containsExactly(
                "Pneumonoultramicroscopicsilico");
    }

    private static Pattern asPattern(String template) {
        String regex = Pattern.quote(template)
                .replace("{a}", "\\E(.+)\\Q").replace("{A}", "\\E(.+)\\Q")
                .replace("{b}", "\\E(.+)\\Q").replace("{B}", "\\E(.+)\\Q");
        return Pattern.compile(regex);
    }
}
