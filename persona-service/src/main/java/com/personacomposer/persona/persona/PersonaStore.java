package com.personacomposer.persona.persona;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.min;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.personacomposer.persona.store.BsonValues;
import com.personacomposer.persona.store.MongoErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The personas collection. A persona is listed and readable once it has an image (its {@code updatedAt} is set by
 * the first append); every change is one atomic update, never a read-modify-write of the images array.
 */
@Component
public class PersonaStore {

    static final String COLLECTION = "personas";

    private final MongoCollection<Document> personas;

    public PersonaStore(MongoDatabase database) {
        this.personas = database.getCollection(COLLECTION);
        // Unique indexes only: the devstack's Mongo server ignores the other kinds.
        personas.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).name("key_unique"));
        personas.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true).name("slug_unique"));
    }

    /**
     * Appends {@code image} to the persona with {@code key}, creating the persona (named {@code name}, reachable at
     * {@code slug}) if it is new. Appending the same request's image again changes nothing.
     */
    public void append(String key, String slug, String name, PersonaImage image) throws SlugTakenException {
        ensurePersona(key, slug, name, image.createdAt());
        // No upsert here: an upsert with this filter would insert a second persona on a repeat (E11000 on key).
        // $min/$max: two consumers completing requests of one persona at once may append in either order.
        personas.updateOne(
                and(eq("key", key), ne("images.requestId", image.requestId())),
                combine(push("images", toDocument(image)), max("updatedAt", image.createdAt()),
                        min("createdAt", image.createdAt())));
    }

    /** Inserts the persona's shell unless it exists; the first name given stays its display name. */
    private void ensurePersona(String key, String slug, String name, Instant now) throws SlugTakenException {
        // updatedAt is there from the start (null until the first image) so no update ever adds a field: the
        // devstack's Mongo server breaks answers it is encoding when a field is added to their document meanwhile.
        Bson shell = combine(setOnInsert("slug", slug), setOnInsert("name", name), setOnInsert("createdAt", now),
                setOnInsert("updatedAt", null), setOnInsert("images", List.of()));
        for (int attempt = 1; ; attempt++) {
            try {
                personas.updateOne(eq("key", key), shell, new UpdateOptions().upsert(true));
                return;
            } catch (MongoWriteException e) {
                if (!MongoErrors.isDuplicateKey(e)) {
                    throw e;
                }
                Document holder = personas.find(eq("slug", slug)).projection(new Document("key", 1)).first();
                if (holder != null && !key.equals(holder.getString("key"))) {
                    throw new SlugTakenException(slug, key, holder.getString("key"));
                }
                // Another consumer inserted the same persona a moment ago: the next upsert finds it.
                if (attempt == 2) {
                    throw e;
                }
            }
        }
    }

    Optional<Persona> findBySlug(String slug) {
        return Optional.ofNullable(personas.find(and(eq("slug", slug), ne("updatedAt", null))).first())
                .map(PersonaStore::toPersona);
    }

    /** Personas whose name contains {@code keyFragment} (a canonical key fragment, taken literally), newest first. */
    PersonaSlice list(String keyFragment, int page, int size) {
        Bson filter = keyFragment.isEmpty()
                ? ne("updatedAt", null)
                : and(ne("updatedAt", null), regex("key", Pattern.quote(keyFragment)));
        long total = personas.countDocuments(filter);
        long skip = (long) page * size;
        List<Persona> items = new ArrayList<>();
        if (skip < total) {
            personas.find(filter)
                    .sort(Sorts.orderBy(Sorts.descending("updatedAt"), Sorts.ascending("key")))
                    .skip((int) skip)
                    .limit(size)
                    .forEach(document -> items.add(toPersona(document)));
        }
        return new PersonaSlice(items, total);
    }

    record PersonaSlice(List<Persona> items, long total) {
    }

    /** One atomic increment of the image's counter; empty when there is no such persona or image. */
    Optional<PersonaImage> vote(String slug, String imageId, VoteDirection direction) {
        Document after = personas.findOneAndUpdate(
                and(eq("slug", slug), eq("images.id", imageId)),
                inc("images.$." + direction.counter(), 1),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(after)
                .flatMap(document -> toPersona(document).images().stream()
                        .filter(image -> image.id().equals(imageId))
                        .findFirst());
    }

    static Document toDocument(PersonaImage image) {
        return new Document("id", image.id())
                .append("requestId", image.requestId())
                .append("s3Key", image.s3Key())
                .append("contentType", image.contentType())
                .append("model", image.model())
                .append("description", image.description())
                .append("mottoTone", image.mottoTone())
                .append("motto", image.motto())
                .append("revisedPrompt", image.revisedPrompt())
                .append("upvotes", image.upvotes())
                .append("downvotes", image.downvotes())
                .append("createdAt", image.createdAt());
    }

    static Persona toPersona(Document document) {
        // Oldest first; the array is in append order, which racing appends may have swapped by milliseconds.
        List<PersonaImage> images = document.getList("images", Document.class, List.of()).stream()
                .map(PersonaStore::toImage)
                .sorted(java.util.Comparator.comparing(PersonaImage::createdAt))
                .toList();
        return new Persona(document.getString("key"), document.getString("slug"), document.getString("name"),
                BsonValues.instant(document, "createdAt"), BsonValues.instant(document, "updatedAt"), images);
    }

    private static PersonaImage toImage(Document image) {
        return new PersonaImage(image.getString("id"), image.getString("requestId"), image.getString("s3Key"),
                image.getString("contentType"), image.getString("model"), image.getString("description"),
                image.getString("mottoTone"), image.getString("motto"), image.getString("revisedPrompt"),
                BsonValues.number(image, "upvotes"), BsonValues.number(image, "downvotes"),
                BsonValues.instant(image, "createdAt"));
    }
}
