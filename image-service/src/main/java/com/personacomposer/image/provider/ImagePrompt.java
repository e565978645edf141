package com.personacomposer.image.provider;

import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaRequested;
import java.util.Objects;

/**
 * What an image is made of: the persona's display name, the request's description and tone. The gateway has already
 * validated them; the caps and the control-character stripping here are a second line, because the values end up in
 * a paid provider's prompt.
 */
public record ImagePrompt(String name, String description, MottoTone tone) {

    public static final int MAX_NAME = 80;
    public static final int MAX_DESCRIPTION = 800;

    public ImagePrompt {
        Objects.requireNonNull(tone, "tone");
        name = clean(name, MAX_NAME);
        description = clean(description, MAX_DESCRIPTION);
    }

    public static ImagePrompt of(PersonaRequested request) {
        return new ImagePrompt(request.personaName(), request.description(), request.mottoTone());
    }

    /** Control characters (newlines included) become spaces, whitespace runs collapse, at most max code points. */
    static String clean(String raw, int max) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(cp);
        }
        return truncate(out.toString(), max);
    }

    /** The first max code points of text, never splitting a surrogate pair, without trailing whitespace. */
    static String truncate(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max)).stripTrailing();
    }
}
