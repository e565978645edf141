package com.personacomposer.motto.compose;

import com.personacomposer.events.MottoTone;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Motto templates per tone. {@code {a}} and {@code {b}} are two salient phrases of the description ({@code {A}}:
 * the same with a capital first letter, where it opens the sentence). Templates with only {@code {a}} serve
 * descriptions with a single salient phrase. Slots take noun phrases, singular or plural, with no article of their own.
 */
final class ToneTemplates {

    private static final Map<MottoTone, List<String>> TEMPLATES = new EnumMap<>(Map.of(
            MottoTone.NEUTRAL, List.of(
                    "{A} first, {b} always.",
                    "{A} by nature, {b} by choice.",
                    "Less noise, more {a}.",
                    "Where there is {a}, there is a way.",
                    "Guided by {a}, one step at a time.",
                    "Powered by {a}, grounded by {b}.",
                    "Live for {a}, learn from {b}.",
                    "{A}: not a phase, a path.",
                    "A life of {a} and {b}, lived on purpose.",
                    "Made of {a}, held together by {b}."),
            MottoTone.SARCASTIC, List.of(
                    "Oh sure, {a}? Totally overrated.",
                    "{A}? Never heard of it. Obviously.",
                    "Yes, {a} and {b}. Try to keep up.",
                    "Professional {a} enthusiast. Clearly thriving.",
                    "Wow, {a}. Groundbreaking, I know.",
                    "{A} and {b}: because normal was already taken.",
                    "Not everyone can handle this much {a}. You, for instance.",
                    "Sure, {a} and {b} are my whole personality. You're welcome.",
                    "Living the {a} dream, one eye-roll at a time.",
                    "I'd explain {a} to you, but I left my crayons at home."),
            MottoTone.COMICAL, List.of(
                    "Running on {a}, snacks and questionable decisions.",
                    "Part {a}, part {b}, fully caffeinated.",
                    "Will trade {a} for tacos.",
                    "{A} by day, {b} by snack time.",
                    "Keep calm and add more {a}.",
                    "Warning: may spontaneously talk about {a}.",
                    "Ninety percent {a}, ten percent confetti.",
                    "Powered by {a} and an alarming number of puns.",
                    "Come for the {a}, stay for the {b}.",
                    "{A} and {b} walk into a bar. I am the punchline."),
            MottoTone.SOMBRE, List.of(
                    "In {a}, I remember what was lost.",
                    "First {a}, then {b}, then only silence.",
                    "Carrying {a} through the long grey hours.",
                    "Even {a} must bow to time.",
                    "At the end of {a}, only silence.",
                    "I keep {a} like a candle against the dark.",
                    "{A} and {b}, and the weight of both.",
                    "All things pass, even {a}.",
                    "Beneath {a}, a quiet ache.",
                    "Walking alone with {a} and old regrets.")));

    private ToneTemplates() {
    }

    static List<String> of(MottoTone tone) {
        return TEMPLATES.get(tone);
    }

    static boolean needsTwoWords(String template) {
        return template.contains("{b}") || template.contains("{B}");
    }

    static String fill(String template, String a, String b) {
        return template.replace("{A}", capitalise(a)).replace("{a}", a)
                .replace("{B}", capitalise(b)).replace("{b}", b);
    }

    private static String capitalise(String word) {
        if (word.isEmpty()) {
            return word;
        }
        int first = word.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toTitleCase(first))
                .append(word, Character.charCount(first), word.length()).toString();
    }
}
