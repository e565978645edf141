package com.personacomposer.image.provider.local;

import java.awt.Color;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A backdrop chosen from a colour or scene word of the description. */
enum Scene {
    RED(0x5C0A14, 0xD7263D, 0xF2E8CF, Motif.NONE, "red", "crimson", "scarlet", "ruby", "cherry"),
    BLUE(0x0B2A5B, 0x2F6FDE, 0xF2A541, Motif.NONE, "blue", "azure", "cobalt", "navy", "sapphire"),
    GREEN(0x0F3D2E, 0x3FA34D, 0xF4E285, Motif.NONE, "green", "emerald", "mint", "lime", "jade"),
    GOLD(0x7A5200, 0xF2C14E, 0x2B3A67, Motif.NONE, "gold", "golden", "yellow", "amber", "honey"),
    PURPLE(0x2E0F4F, 0x8E5BD6, 0xF7D08A, Motif.NONE, "purple", "violet", "lavender", "plum", "lilac"),
    PINK(0x6B1240, 0xF07CB0, 0x2A9D8F, Motif.NONE, "pink", "rose", "magenta", "fuchsia"),
    ORANGE(0x7A2E00, 0xF28C28, 0x264653, Motif.NONE, "orange", "tangerine", "copper", "autumn"),
    OCEAN(0x053B50, 0x1CA7B8, 0xF4D35E, Motif.WAVES,
            "ocean", "sea", "beach", "wave", "surf", "surfer", "sailor", "marine", "island", "lake", "river", "pirate"),
    FOREST(0x10301C, 0x4C8C3F, 0xC97B3C, Motif.PINES,
            "forest", "jungle", "tree", "wood", "woods", "garden", "nature", "leaf", "elf", "ranger"),
    NIGHT(0x050B24, 0x1B2A5E, 0x8FB8DE, Motif.STARS,
            "night", "dark", "midnight", "space", "star", "moon", "galaxy", "cosmic", "astronaut", "vampire"),
    DESERT(0xF6B042, 0xE4572E, 0x1D3557, Motif.SUN,
            "sun", "sunny", "desert", "summer", "sand", "sunset", "tropical", "cowboy"),
    FIRE(0x3A0A00, 0xFF6A13, 0x1B1B1E, Motif.EMBERS,
            "fire", "flame", "lava", "volcano", "dragon", "burning", "inferno", "blaze"),
    SNOW(0xDDEFFF, 0x9CC9F0, 0x3D5A80, Motif.SNOWFLAKES,
            "snow", "ice", "icy", "winter", "frost", "frozen", "arctic", "glacier", "snowy");

    /** Decorations drawn over a scene's gradient. */
    enum Motif { NONE, WAVES, PINES, STARS, SUN, EMBERS, SNOWFLAKES }

    final Color top;
    final Color bottom;
    final Color clothing;
    final Motif motif;
    private final Set<String> words;

    Scene(int top, int bottom, int clothing, Motif motif, String... words) {
        this.top = new Color(top);
        this.bottom = new Color(bottom);
        this.clothing = new Color(clothing);
        this.motif = motif;
        this.words = Set.of(words);
    }

    /** The scene of the first word that names one ("a red fox in the snow" is red). */
    static Optional<Scene> of(List<String> words) {
        for (String word : words) {
            for (Scene scene : values()) {
                if (scene.words.contains(word) || word.endsWith("s") && scene.words.contains(word.substring(0, word.length() - 1))) {
                    return Optional.of(scene);
                }
            }
        }
        return Optional.empty();
    }
}
