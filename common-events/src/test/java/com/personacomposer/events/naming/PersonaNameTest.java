package com.personacomposer.events.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonaNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            McDonald            | mcdonald         | McDonald        | mcdonald
            '  Zoë   Saldaña '  | zoë saldaña      | Zoë Saldaña     | zoë-saldaña
            李小龙               | 李小龙            | 李小龙           | 李小龙
            Ada Lovelace 2      | ada lovelace 2   | Ada Lovelace 2  | ada-lovelace-2
            """)
    void wordsOnlyNamesGetReadableSlugs(String raw, String key, String display, String slug) {
        PersonaName name = PersonaName.of(raw);

        assertThat(name.key()).isEqualTo(key);
        assertThat(name.displayName()).isEqualTo(display);
        assertThat(name.slug()).isEqualTo(slug);
    }

    @Test
    void namesTheOriginalLostStayDistinctAndReachable() {
        List<String> raw = List.of("O'Brien", "OBrien", "O Brien", "Mary-Jane", "Mary Jane", "MaryJane", "mary_jane");

        List<String> slugs = raw.stream().map(n -> PersonaName.of(n).slug()).toList();

        assertThat(slugs).doesNotHaveDuplicates().allMatch(PersonaName::isSlugShaped);
        assertThat(PersonaName.of("O'Brien").slug()).matches("o-brien-[0-9a-f]{8}");
        assertThat(PersonaName.of("Mary Jane").slug()).isEqualTo("mary-jane");
        assertThat(PersonaName.of("Mary-Jane").slug()).startsWith("mary-jane-");
    }

    @Test
    void decomposedAndComposedSpellingsAreOnePersona() {
        String composed = "Zo\u00eb";
        String decomposed = "Zoe\u0308";

        assertThat(PersonaName.of(decomposed).key()).isEqualTo(PersonaName.of(composed).key());
        assertThat(PersonaName.of(decomposed).displayName()).isEqualTo(composed);
        assertThat(PersonaName.of("ＺＯＥ").key()).isEqualTo("zoe");
    }

    @Test
    void aNameOfNoWordsStillGetsAUniqueSlug() {
        assertThat(PersonaName.of("!!!").slug()).matches("persona-[0-9a-f]{8}");
        assertThat(PersonaName.of("???").slug()).isNotEqualTo(PersonaName.of("!!!").slug());
    }

    @Test
    void aWordsOnlyNameEndingInSomethingTagShapedIsTaggedSoItCannotMeetATaggedSlug() {
        String tagged = PersonaName.of("O'Brien").slug();
        String lookalike = tagged.replace('-', ' ');

        assertThat(PersonaName.of(lookalike).slug()).isNotEqualTo(tagged);
    }

    @Test
    void zeroWidthAndBidirectionalControlsAreHiddenCharactersAndOrdinaryNamesHaveNone() {
        for (String hidden : List.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u200E", "\u200F", "\u061C",
                "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069")) {
            assertThat(PersonaName.hasHiddenCharacters("Ada" + hidden + "Lovelace")).as("U+%04X", (int) hidden.charAt(0)).isTrue();
        }
        for (String visible : List.of("Ada Lovelace", "Zoë O'Brien", "李小龙", "محمد", "Mary-Jane", "Ꭰ𝒜")) {
            assertThat(PersonaName.hasHiddenCharacters(visible)).as(visible).isFalse();
        }
    }

    @Property(tries = 2000)
    void distinctKeysNeverShareASlug(@ForAll("names") String a, @ForAll("names") String b) {
        String keyA = PersonaName.canonicalKey(a);
        String keyB = PersonaName.canonicalKey(b);
        if (!keyA.equals(keyB)) {
            assertThat(PersonaName.slugOf(keyA)).isNotEqualTo(PersonaName.slugOf(keyB));
        }
    }

    @Property(tries = 2000)
    void everySlugIsSlugShapedAndSurvivesAUrlPath(@ForAll("names") String raw) {
        String slug = PersonaName.of(raw).slug();

        assertThat(PersonaName.isSlugShaped(slug)).as(slug).isTrue();
        String path = URI.create("http://h/api/personas/" + encodePathSegment(slug)).getRawPath();
        String segment = path.substring(path.lastIndexOf('/') + 1);
        assertThat(URLDecoder.decode(segment, StandardCharsets.UTF_8)).isEqualTo(slug);
    }

    @Property(tries = 1000)
    void identityIgnoresCaseSpacingAndCompatibilityForms(@ForAll("names") String raw) {
        String shouted = "  " + raw.toUpperCase(java.util.Locale.ROOT).replace(" ", " \t ") + " ";

        assertThat(PersonaName.canonicalKey(shouted)).isEqualTo(PersonaName.canonicalKey(raw.toUpperCase(java.util.Locale.ROOT)));
        assertThat(PersonaName.slugOf(PersonaName.canonicalKey(raw))).isEqualTo(PersonaName.of(raw).slug());
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.chars().range('a', 'f'),
                Arbitraries.chars().range('A', 'F'),
                Arbitraries.chars().range('0', '9'),
                Arbitraries.of(' ', '-', '\'', '.', '_', 'ë', 'é', '李', '小', 'ß', 'İ', '\u0308'));
        Arbitrary<String> small = chars.list().ofMinSize(1).ofMaxSize(12)
                .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
        Arbitrary<String> tagLike = Combinators.combine(small, Arbitraries.strings().withChars("0123456789abcdef").ofLength(8))
                .as((head, tag) -> head + " " + tag);
        return Arbitraries.oneOf(small, tagLike).filter(s -> !s.isBlank());
    }

    private static String encodePathSegment(String segment) {
        return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
