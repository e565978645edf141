package com.personacomposer.persona.persona;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.personacomposer.persona.store.BsonValues;
import com.personacomposer.persona.store.MongoErrors;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The images collection: one document per image, {@code _id} the image id, one per request (unique requestId), paged
 * per persona in (createdAt, _id) order. A persona's document never grows with its images.
 */
@Component
public class ImageStore {

    static final String COLLECTION = "images";

    private final MongoCollection<Document> images;

    public ImageStore(MongoDatabase database) {
        this.images = database.getCollection(COLLECTION);
        images.createIndex(Indexes.ascending("requestId"), new IndexOptions().unique(true).name("requestId_unique"));
        images.createIndex(Indexes.ascending("personaKey", "createdAt", "_id"),
                new IndexOptions().name("persona_createdAt"));
        images.createIndex(Indexes.ascending("createdBy", "personaKey"), new IndexOptions().name("createdBy_persona"));
    }

    /** Inserts the image of {@code personaKey}; false when it (or another image of its request) is there already. */
    boolean insert(String personaKey, PersonaImage image) {
        try {
            images.insertOne(toDocument(personaKey, image));
            return true;
        } catch (MongoWriteException e) {
            if (!MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
            return false;
        }
    }

    Optional<PersonaImage> find(String personaKey, String imageId) {
        return Optional.ofNullable(images.find(and(eq("_id", imageId), eq("personaKey", personaKey))).first())
                .map(ImageStore::toImage);
    }

    /**
     * Up to {@code limit} images of the persona oldest first, after {@code after} when given (images with a later
     * (createdAt, id)); images appended meanwhile come later, so a cursor never skips or repeats one.
     */
    List<PersonaImage> page(String personaKey, PersonaImage after, int limit) {
        Bson filter = eq("personaKey", personaKey);
        if (after != null) {
            Date createdAt = Date.from(after.createdAt());
            filter = and(filter, or(gt("createdAt", createdAt),
                    and(eq("createdAt", createdAt), gt("_id", after.id()))));
        }
        List<PersonaImage> page = new ArrayList<>(limit);
        images.find(filter)
                .sort(Sorts.ascending("createdAt", "_id"))
                .limit(limit)
                .forEach(document -> page.add(toImage(document)));
        return page;
    }

    /** The keys of the personas holding images {@code principal} created. */
    List<String> personasCreatedBy(String principal) {
        return images.distinct("personaKey", eq("createdBy", principal), String.class).into(new ArrayList<>());
    }

    /** Deletes the image; false when it was gone already. */
    boolean delete(String imageId) {
        return images.deleteOne(eq("_id", imageId)).getDeletedCount() == 1;
    }

    /** The persona's newest image, if it has one. */
    Optional<PersonaImage> newest(String personaKey) {
        return Optional.ofNullable(images.find(eq("personaKey", personaKey))
                .sort(Sorts.descending("createdAt", "_id")).limit(1).first()).map(ImageStore::toImage);
    }

    long count(String personaKey) {
        return images.countDocuments(eq("personaKey", personaKey));
    }

    /**
     * Moves the image's counters from a voter's vote {@code before} to {@code after} (either may be absent) in one
     * atomic update; the image as it then stands, empty when there is no such image.
     */
    Optional<PersonaImage> recount(String imageId, Optional<VoteDirection> before, Optional<VoteDirection> after) {
        int up = count(after, VoteDirection.UP) - count(before, VoteDirection.UP);
        int down = count(after, VoteDirection.DOWN) - count(before, VoteDirection.DOWN);
        Document image = images.findOneAndUpdate(eq("_id", imageId),
                combine(inc(VoteDirection.UP.counter(), up), inc(VoteDirection.DOWN.counter(), down)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(image).map(ImageStore::toImage);
    }

    private static int count(Optional<VoteDirection> vote, VoteDirection direction) {
        return vote.filter(direction::equals).isPresent() ? 1 : 0;
    }

    static Document toDocument(String personaKey, PersonaImage image) {
        return new Document("_id", image.id())
                .append("personaKey", personaKey)
                .append("requestId", image.requestId())
                .append("s3Key", image.s3Key())
                .append("contentType", image.contentType())
                .append("thumbnailKey", image.thumbnailKey())
                .append("thumbnailContentType", image.thumbnailContentType())
                .append("model", image.model())
                .append("description", image.description())
                .append("mottoTone", image.mottoTone())
                .append("motto", image.motto())
                .append("revisedPrompt", image.revisedPrompt())
                .append("upvotes", (int) image.upvotes())
                .append("downvotes", (int) image.downvotes())
                .append("createdAt", image.createdAt())
                .append("createdBy", image.createdBy())
                .append("createdByName", image.createdByName());
    }

    /** An image document; one written without a thumbnail key gets the conventional one. */
    static PersonaImage toImage(Document image) {
        String s3Key = image.getString("s3Key");
        String thumbnailKey = image.getString("thumbnailKey");
        String thumbnailType = image.getString("thumbnailContentType");
        return new PersonaImage(image.getString("_id"), image.getString("requestId"), s3Key,
                image.getString("contentType"),
                thumbnailKey != null ? thumbnailKey : Thumbnails.keyOf(s3Key),
                thumbnailType != null ? thumbnailType : Thumbnails.CONTENT_TYPE,
                image.getString("model"), image.getString("description"),
                image.getString("mottoTone"), image.getString("motto"), image.getString("revisedPrompt"),
                BsonValues.number(image, "upvotes"), BsonValues.number(image, "downvotes"),
                BsonValues.instant(image, "createdAt"), image.getString("createdBy"), image.getString("createdByName"));
    }
}
