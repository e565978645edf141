package com.personacomposer.motto.compose;

/** What every motto is, whoever wrote it: one line of at most {@value #MAX_LENGTH} characters. */
public final class MottoText {

    public static final int MAX_LENGTH = 120;

    private MottoText() {
    }

    /** One line of at most {@link #MAX_LENGTH} characters, cut at a word boundary where one is near. */
    public static String fit(String motto) {
        String line = motto.replaceAll("\\s+", " ").strip();
        if (line.length() <= MAX_LENGTH) {
            return line;
        }
        int end = MAX_LENGTH - 1;
        if (Character.isLowSurrogate(line.charAt(end))) {
            end--;
        }
        int space = line.lastIndexOf(' ', end);
        if (space > MAX_LENGTH / 2) {
            end = space;
        }
        return line.substring(0, end).strip() + "…";
    }
}
