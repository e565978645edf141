package com.personacomposer.persona.personas;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.min;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.personacomposer.kit.startup.OnStart;
import com.personacomposer.persona.images.ImageStore;
import com.personacomposer.persona.images.PersonaImage;
import com.personacomposer.persona.images.Thumbnails;
import com.personacomposer.persona.store.BsonValues;
import com.personacomposer.persona.store.MongoErrors;
import com.personacomposer.persona.votes.VoteDirection;
import com.personacomposer.persona.votes.VoteStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The personas collection: one small document per persona (its images live in {@link ImageStore}) holding the image
 * count and the newest image as its cover. A persona is listed and readable once it has an image (its
 * {@code updatedAt} is set by the first append). Every change is one atomic update, never a read-modify-write.
 */
@Component
public class PersonaStore implements OnStart {

    static final String COLLECTION = "personas";

    private final MongoCollection<Document> personas;
    private final ImageStore images;
    private final VoteStore votes;

    public PersonaStore(MongoDatabase database, ImageStore images, VoteStore votes) {
        this.personas = database.getCollection(COLLECTION);
        this.images = images;
        this.votes = votes;
    }

    /** Declares the indexes this store's writes and queries rely on, as the service starts. */
    @Override
    public void onStart() {
        personas.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).name("key_unique"));
        personas.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true).name("slug_unique"));
        // The list, newest first; a search filters the same index's keys (q is a literal fragment of the key).
        personas.createIndex(Indexes.compoundIndex(Indexes.descending("updatedAt"), Indexes.ascending("key")),
                new IndexOptions().name("updatedAt_key"));
    }

    /**
     * Appends {@code image} to the persona with {@code key}, creating the persona (named {@code name}, reachable at
     * {@code slug}) if it is new. Appending the same request's image again changes nothing.
     */
    public void append(String key, String slug, String name, PersonaImage image) throws SlugTakenException {
        ensurePersona(key, slug, name, image.createdAt());
        boolean added = images.insert(key, image);
        if (image.createdBy() != null) {
            // The image's first upvote is its creator's (set again on a repeat, which changes nothing).
            votes.cast(image.id(), image.createdBy(), VoteDirection.UP, image.createdAt());
        }
        // Counted only by the insert that added the image. The cover and timestamps are set again on a repeat (a
        // redelivery after a crash between the insert and this update), which changes nothing when they were set.
        Bson count = added ? inc("imageCount", 1) : inc("imageCount", 0);
        Document cover = coverOf(image);
        long newer = personas.updateOne(
                and(eq("key", key), or(eq("updatedAt", null), lte("updatedAt", image.createdAt()))),
                combine(count, set("cover", cover), set("updatedAt", image.createdAt()),
                        min("createdAt", image.createdAt()))).getMatchedCount();
        if (newer == 0) {
            // A newer image is the cover already (two requests of one persona completed in the other order).
            personas.updateOne(eq("key", key),
                    combine(count, max("updatedAt", image.createdAt()), min("createdAt", image.createdAt())));
        }
    }

    /** Inserts the persona's shell unless it exists; the first name given stays its display name. */
    private void ensurePersona(String key, String slug, String name, Instant now) throws SlugTakenException {
        // Every field is there from the start (updatedAt and cover null until the first image), so updates only
        // replace values and never add fields.
        Bson shell = combine(setOnInsert("slug", slug), setOnInsert("name", name), setOnInsert("createdAt", now),
                setOnInsert("updatedAt", null), setOnInsert("imageCount", 0), setOnInsert("cover", null));
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

    /**
     * Counts a deleted image out of its persona: the cover moves to the newest image left, and a persona left
     * without images is deleted.
     */
    void removed(String key, PersonaImage image) {
        personas.updateOne(eq("key", key), inc("imageCount", -1));
        Optional<PersonaImage> newest = images.newest(key);
        if (newest.isEmpty()) {
            personas.deleteOne(and(eq("key", key), lte("imageCount", 0)));
            return;
        }
        personas.updateOne(and(eq("key", key), eq("cover.imageId", image.id())), set("cover", coverOf(newest.get())));
    }

    Optional<Persona> findBySlug(String slug) {
        return Optional.ofNullable(personas.find(and(eq("slug", slug), ne("updatedAt", null))).first())
                .map(PersonaStore::toPersona);
    }

    /**
     * Page {@code page} of the personas whose name contains {@code keyFragment} (a canonical key fragment, taken
     * literally), newest first, among the personas with the given keys only (null: all). One document more than the
     * page is read to tell whether another page follows; nothing is counted, so a page costs the same however many
     * personas there are.
     */
    PersonaSlice list(String keyFragment, List<String> keys, int page, int size) {
        Bson filter = keyFragment.isEmpty()
                ? ne("updatedAt", null)
                : and(ne("updatedAt", null), regex("key", Pattern.quote(keyFragment)));
        if (keys != null) {
            filter = and(filter, in("key", keys));
        }
        List<Persona> items = new ArrayList<>(size + 1);
        personas.find(filter)
                .sort(Sorts.orderBy(Sorts.descending("updatedAt"), Sorts.ascending("key")))
                .skip((int) Math.min((long) page * size, Integer.MAX_VALUE))
                .limit(size + 1)
                .forEach(document -> items.add(toPersona(document)));
        boolean more = items.size() > size;
        return new PersonaSlice(more ? items.subList(0, size) : items, more);
    }

    /** A page of personas and whether another page follows it. */
    record PersonaSlice(List<Persona> items, boolean more) {
    }

    static Document coverOf(PersonaImage image) {
        return new Document("imageId", image.id())
                .append("s3Key", image.s3Key())
                .append("thumbnailKey", image.thumbnailKey())
                .append("motto", image.motto())
                .append("mottoTone", image.mottoTone());
    }

    static Persona toPersona(Document document) {
        Document cover = document.get("cover", Document.class);
        return new Persona(document.getString("key"), document.getString("slug"), document.getString("name"),
                BsonValues.instant(document, "createdAt"), BsonValues.instant(document, "updatedAt"),
                BsonValues.number(document, "imageCount"), cover == null ? null : toCover(cover));
    }

    private static Persona.Cover toCover(Document cover) {
        String s3Key = cover.getString("s3Key");
        String thumbnailKey = cover.getString("thumbnailKey");
        return new Persona.Cover(cover.getString("imageId"), s3Key,
                thumbnailKey != null || s3Key == null ? thumbnailKey : Thumbnails.keyOf(s3Key),
                cover.getString("motto"), cover.getString("mottoTone"));
    }
}
