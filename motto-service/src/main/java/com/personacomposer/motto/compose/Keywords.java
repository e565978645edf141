package com.personacomposer.motto.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The salient phrases of a text: runs of adjacent words left after dropping stop words, common verbs, adverbs and
 * numbers ("brave knight", "Analytical Engine", "old maps"). With no part-of-speech tagger at hand this keeps mostly
 * the nouns of a description with their adjectives, which read well in a template's slot.
 */
final class Keywords {

    /** Letters and digits of any script, with inner apostrophes or hyphens ("O'Brien", "sharp-witted"). */
    private static final Pattern WORD =
            Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:['’-][\\p{L}\\p{M}\\p{N}]+)*");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");
    private static final Pattern BLANK = Pattern.compile("[ \\t]+");
    static final int MAX_PHRASE_WORDS = 3;
    static final int MAX_PHRASE_LENGTH = 30;
    private static final Set<String> STOP_WORDS = Set.of(
            // articles, pronouns, determiners
            "a", "an", "the", "this", "that", "these", "those", "there", "here", "some", "any", "each", "every",
            "all", "both", "either", "neither", "such", "own", "other", "another", "same",
            "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "you", "your", "yours", "yourself",
            "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them",
            "their", "theirs", "themselves", "who", "whom", "whose", "which", "what", "whatever", "whoever",
            "someone", "somebody", "something", "anyone", "anything", "everyone", "everything", "nobody", "nothing",
            // prepositions and conjunctions
            "and", "or", "but", "nor", "so", "yet", "for", "of", "in", "on", "at", "to", "from", "by", "with",
            "without", "about", "above", "below", "over", "under", "into", "onto", "out", "off", "up", "down",
            "through", "during", "before", "after", "since", "until", "while", "when", "where", "why", "how",
            "than", "then", "as", "if", "because", "though", "although", "unless", "whether", "via", "per",
            "between", "among", "against", "around", "across", "along", "behind", "beside", "besides", "near",
            "toward", "towards", "upon", "within", "like", "unlike", "except",
            // auxiliaries and very common verbs
            "is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "doing", "done",
            "have", "has", "had", "having", "can", "could", "will", "would", "shall", "should", "may", "might",
            "must", "ought", "get", "gets", "got", "getting", "go", "goes", "went", "going", "gone", "make", "makes",
            "made", "making", "take", "takes", "took", "taken", "come", "comes", "came", "become", "becomes",
            "became", "seem", "seems", "seemed", "look", "looks", "looked", "likes", "liked", "love",
            "loves", "loved", "want", "wants", "wanted", "need", "needs", "know", "knows", "knew", "think",
            "thinks", "say", "says", "said", "tell", "tells", "use", "uses", "used", "keep", "keeps", "kept",
            "let", "lets", "put", "puts", "give", "gives", "gave", "find", "finds", "found", "enjoy", "enjoys",
            "live", "lives", "lived", "work", "works", "worked", "wear", "wears", "wearing", "hold", "holds",
            "holding", "dressed", "known", "called", "named",
            // adverbs, quantifiers and fillers
            "not", "no", "yes", "very", "too", "also", "just", "only", "even", "still", "ever", "never", "always",
            "often", "sometimes", "usually", "really", "quite", "rather", "almost", "much", "many", "more", "most",
            "less", "least", "few", "lot", "lots", "bit", "kind", "sort", "type", "way", "ways", "thing", "things",
            "again", "once", "twice", "now", "today", "soon", "well", "maybe", "perhaps", "etc",
            "one", "two", "three", "second", "year", "years", "age", "aged",
            // words that describe every persona and so distinguish none
            "person", "people", "character", "persona", "profile", "photo", "picture", "image", "style",
            "looking");

    private Keywords() {
    }

    /** The salient phrases of {@code text} in order of first appearance, case-insensitively distinct. */
    static List<String> of(String text) {
        Map<String, String> phrases = new LinkedHashMap<>();
        List<MatchResult> run = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            boolean salient = isSalient(POSSESSIVE.matcher(matcher.group()).replaceFirst("").toLowerCase(Locale.ROOT));
            boolean adjacent = !run.isEmpty()
                    && BLANK.matcher(text.substring(run.get(run.size() - 1).end(), matcher.start())).matches();
            if (!salient || !adjacent) {
                addPhrase(phrases, text, run);
                run.clear();
            }
            if (salient) {
                run.add(matcher.toMatchResult());
            }
        }
        addPhrase(phrases, text, run);
        return new ArrayList<>(phrases.values());
    }

    /** The run's last words (its head noun and what qualifies it), as written, without a trailing possessive. */
    private static void addPhrase(Map<String, String> phrases, String text, List<MatchResult> run) {
        if (run.isEmpty()) {
            return;
        }
        int first = Math.max(0, run.size() - MAX_PHRASE_WORDS);
        int end = run.get(run.size() - 1).end();
        String phrase = text.substring(run.get(first).start(), end);
        while (phrase.length() > MAX_PHRASE_LENGTH && first < run.size() - 1) {
            first++;
            phrase = text.substring(run.get(first).start(), end);
        }
        phrase = shorten(POSSESSIVE.matcher(phrase).replaceFirst(""));
        phrases.putIfAbsent(phrase.toLowerCase(Locale.ROOT), phrase);
    }

    private static boolean isSalient(String lower) {
        if (lower.isEmpty() || STOP_WORDS.contains(lower) || lower.chars().allMatch(Character::isDigit)) {
            return false;
        }
        boolean latin = lower.chars().allMatch(c -> c < 0x250);
        if (latin && lower.length() < 3) {
            return false;
        }
        // Adverbs ("incredibly", "quietly") read badly in a template's slot; "family" or "holy" are kept.
        return !(latin && lower.length() > 5 && lower.endsWith("ly"));
    }

    private static String shorten(String phrase) {
        if (phrase.codePointCount(0, phrase.length()) <= MAX_PHRASE_LENGTH) {
            return phrase;
        }
        return phrase.substring(0, phrase.offsetByCodePoints(0, MAX_PHRASE_LENGTH));
    }
}
