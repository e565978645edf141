package com.personacomposer.persona.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/** Reading the driver's exceptions. */
public final class MongoErrors {

    private MongoErrors() {
    }

    /** E11000: a unique index (or {@code _id}) already holds the value an insert or upsert tried to write. */
    public static boolean isDuplicateKey(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
