package com.personacomposer.persona.personas;

/** The slug of a new persona already belongs to a persona with another key. */
public class SlugTakenException extends Exception {

    public SlugTakenException(String slug, String key, String otherKey) {
        super("the slug '" + slug + "' of persona '" + key + "' already belongs to persona '" + otherKey + "'");
    }
}
