package com.personacomposer.persona.persona;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.personacomposer.persona.store.BsonValues;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Moves images kept inside persona documents (an {@code images} array, the earlier layout) into the images
 * collection, at start-up. Every step is idempotent, so replicas starting together need no lock: images are
 * inserted (a duplicate is skipped), then the persona's count and cover are set from the images collection and its
 * array removed in one update conditional on the array still being there.
 */
@Component
class EmbeddedImagesMigration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedImagesMigration.class);

    private final MongoCollection<Document> personas;
    private final ImageStore images;

    EmbeddedImagesMigration(MongoDatabase database, ImageStore images) {
        this.personas = database.getCollection(PersonaStore.COLLECTION);
        this.images = images;
    }

    @Override
    public void run(ApplicationArguments args) {
        int migrated = migrate();
        if (migrated > 0) {
            log.info("moved the images of {} personas into the {} collection", migrated, ImageStore.COLLECTION);
        }
    }

    /** Migrates every persona still holding an images array; the number of personas this call changed. */
    int migrate() {
        List<Document> holders = new ArrayList<>();
        personas.find(exists("images")).projection(new Document("key", 1).append("images", 1))
                .forEach(holders::add);
        int changed = 0;
        for (Document persona : holders) {
            if (migrate(persona)) {
                changed++;
            }
        }
        return changed;
    }

    private boolean migrate(Document persona) {
        String key = persona.getString("key");
        for (Document embedded : persona.getList("images", Document.class, List.of())) {
            images.insert(key, toImage(embedded));
        }
        Document newestCover = images.newest(key).map(PersonaStore::coverOf).orElse(null);
        return personas.updateOne(and(eq("_id", persona.get("_id")), exists("images")),
                        combine(max("imageCount", (int) images.count(key)), set("cover", newestCover),
                                unset("images")))
                .getModifiedCount() == 1;
    }

    private static PersonaImage toImage(Document embedded) {
        String s3Key = embedded.getString("s3Key");
        return new PersonaImage(embedded.getString("id"), embedded.getString("requestId"), s3Key,
                embedded.getString("contentType"), Thumbnails.keyOf(s3Key), Thumbnails.CONTENT_TYPE,
                embedded.getString("model"), embedded.getString("description"), embedded.getString("mottoTone"),
                embedded.getString("motto"), embedded.getString("revisedPrompt"),
                BsonValues.number(embedded, "upvotes"), BsonValues.number(embedded, "downvotes"),
                BsonValues.instant(embedded, "createdAt"), null, null);
    }
}
