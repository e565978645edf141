package com.personacomposer.image.provider.local;

import com.personacomposer.events.MottoTone;
import com.personacomposer.image.provider.ImagePrompt;
import java.awt.Color;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the local renderer decides before drawing, as a pure function of the prompt: words of the description
 * pick the scene, hair and accessories; a hash picks the rest, so one input always gives one look.
 */
record Look(
        Color top,
        Color bottom,
        Color clothing,
        Scene.Motif motif,
        Color skin,
        Color hair,
        HairStyle hairStyle,
        Color iris,
        Backdrop backdrop,
        Set<Accessory> accessories,
        MottoTone tone,
        long seed) {

    enum HairStyle { SHORT, LONG, CURLY, BUN, SPIKY, BUZZ }

    enum Backdrop { DOTS, STRIPES, RINGS, CONFETTI }

    enum Accessory { GLASSES, SUNGLASSES, HAT, WIZARD_HAT, CROWN, BEARD, MOUSTACHE }

    private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}]+");

    private static final Color[] SKINS = {
        new Color(0xF6D7C3), new Color(0xEDC2A1), new Color(0xD8A27C),
        new Color(0xB97A55), new Color(0x8D5A3B), new Color(0x5E3B27)};
    private static final Color[] HAIRS = {
        new Color(0x1F1A17), new Color(0x3B2416), new Color(0x6A4326),
        new Color(0xA0461E), new Color(0xD9B56B), new Color(0x2E2E38)};
    private static final Color[] IRISES = {
        new Color(0x5B3A1E), new Color(0x3A6EA5), new Color(0x4F7942), new Color(0x8E7618), new Color(0x2F2F2F)};

    static Look of(ImagePrompt prompt) {
        List<String> words = words(prompt.description());
        // The tone is left out: the same persona and description keep their face, only the expression changes.
        long seed = hash(prompt.name() + '\n' + prompt.description());
        Random random = new Random(seed);
        Color skin = SKINS[random.nextInt(SKINS.length)];
        Color hair = hairColour(words).orElse(HAIRS[random.nextInt(HAIRS.length)]);
        HairStyle style = hairStyle(words).orElse(HairStyle.values()[random.nextInt(HairStyle.values().length)]);
        Color iris = IRISES[random.nextInt(IRISES.length)];
        Backdrop backdrop = Backdrop.values()[random.nextInt(Backdrop.values().length)];
        Scene scene = Scene.of(words).orElse(null);
        if (scene != null) {
            return new Look(scene.top, scene.bottom, scene.clothing, scene.motif, skin, hair, style, iris, backdrop,
                    accessories(words), prompt.tone(), seed);
        }
        // No colour word: the name alone picks the palette, so a persona keeps its colours across descriptions.
        float hue = Math.floorMod(hash(prompt.name()), 360) / 360f;
        Color top = Color.getHSBColor(hue, 0.60f, 0.35f);
        Color bottom = Color.getHSBColor(hue + 0.05f, 0.50f, 0.85f);
        Color clothing = Color.getHSBColor(hue + 0.5f, 0.45f, 0.80f);
        return new Look(top, bottom, clothing, Scene.Motif.NONE, skin, hair, style, iris, backdrop,
                accessories(words), prompt.tone(), seed);
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : NOT_LETTER.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static Optional<Color> hairColour(List<String> words) {
        for (String word : words) {
            switch (word) {
                case "blonde", "blond", "platinum" -> {
                    return Optional.of(new Color(0xE6C36A));
                }
                case "ginger", "redhead", "auburn" -> {
                    return Optional.of(new Color(0xA0461E));
                }
                case "grey", "gray", "silver", "old", "elderly", "grandma", "grandpa" -> {
                    return Optional.of(new Color(0xB8B8B8));
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<HairStyle> hairStyle(List<String> words) {
        for (String word : words) {
            switch (word) {
                case "bald", "shaved" -> {
                    return Optional.of(HairStyle.BUZZ);
                }
                case "curly", "afro", "curls" -> {
                    return Optional.of(HairStyle.CURLY);
                }
                case "punk", "spiky", "rocker" -> {
                    return Optional.of(HairStyle.SPIKY);
                }
                case "ponytail", "bun" -> {
                    return Optional.of(HairStyle.BUN);
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    private static Set<Accessory> accessories(List<String> words) {
        Set<Accessory> found = EnumSet.noneOf(Accessory.class);
        for (String word : words) {
            switch (word) {
                case "glasses", "spectacles", "nerd", "nerdy", "professor", "scholar", "librarian" ->
                        found.add(Accessory.GLASSES);
                case "sunglasses", "shades" -> found.add(Accessory.SUNGLASSES);
                case "hat", "cap", "fedora", "cowboy", "detective" -> found.add(Accessory.HAT);
                case "wizard", "witch", "sorcerer", "mage" -> found.add(Accessory.WIZARD_HAT);
                case "king", "queen", "prince", "princess", "royal", "crown", "emperor", "empress" ->
                        found.add(Accessory.CROWN);
                case "beard", "bearded", "viking", "lumberjack" -> found.add(Accessory.BEARD);
                case "moustache", "mustache" -> found.add(Accessory.MOUSTACHE);
                default -> {
                }
            }
        }
        // One head, one hat; sunglasses win over glasses.
        if (found.contains(Accessory.WIZARD_HAT)) {
            found.remove(Accessory.HAT);
            found.remove(Accessory.CROWN);
        } else if (found.contains(Accessory.CROWN)) {
            found.remove(Accessory.HAT);
        }
        if (found.contains(Accessory.SUNGLASSES)) {
            found.remove(Accessory.GLASSES);
        }
        return found;
    }

    private static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
