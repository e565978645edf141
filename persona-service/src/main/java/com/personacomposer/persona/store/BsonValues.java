package com.personacomposer.persona.store;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/** Small conversions between BSON documents and the domain. */
public final class BsonValues {

    private BsonValues() {
    }

    /** BSON dates come back as {@link Date}; null stays null. */
    public static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    public static long number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }
}
