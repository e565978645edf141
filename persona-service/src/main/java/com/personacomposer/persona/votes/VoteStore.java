package com.personacomposer.persona.votes;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.personacomposer.kit.startup.OnStart;
import com.personacomposer.persona.store.MongoErrors;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The votes collection: at most one vote per image and voter (a unique index), so voting again the same way
 * changes nothing. Every change answers the vote it replaced, from which the image's counters move.
 */
@Component
public class VoteStore implements OnStart {

    static final String COLLECTION = "votes";

    private final MongoCollection<Document> votes;

    public VoteStore(MongoDatabase database) {
        this.votes = database.getCollection(COLLECTION);
    }

    /** Declares the unique index that keeps one vote per image and voter, as the service starts. */
    @Override
    public void onStart() {
        votes.createIndex(Indexes.ascending("imageId", "voter"),
                new IndexOptions().unique(true).name("imageId_voter_unique"));
    }

    /** Sets the voter's vote on the image; the direction it had before, empty when it had none. */
    public Optional<VoteDirection> cast(String imageId, String voter, VoteDirection direction, Instant now) {
        Bson update = combine(set("direction", direction.id()), setOnInsert("createdAt", now));
        FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true)
                .returnDocument(ReturnDocument.BEFORE);
        try {
            return directionOf(votes.findOneAndUpdate(of(imageId, voter), update, upsert));
        } catch (MongoWriteException e) {
            if (!MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
            // The same voter's first vote raced another: the vote exists now, so this update finds it.
            return directionOf(votes.findOneAndUpdate(of(imageId, voter), update, upsert));
        }
    }

    /** Removes the voter's vote; the direction it had, empty when there was none. */
    public Optional<VoteDirection> withdraw(String imageId, String voter) {
        return directionOf(votes.findOneAndDelete(of(imageId, voter)));
    }

    public void deleteAll(String imageId) {
        votes.deleteMany(eq("imageId", imageId));
    }

    Optional<VoteDirection> find(String imageId, String voter) {
        return directionOf(votes.find(of(imageId, voter)).first());
    }

    /** The voter's votes on these images, by image id, in one query (on the imageId/voter index). */
    public Map<String, VoteDirection> directions(String voter, Collection<String> imageIds) {
        Map<String, VoteDirection> directions = new HashMap<>();
        if (imageIds.isEmpty()) {
            return directions;
        }
        votes.find(and(in("imageId", imageIds), eq("voter", voter)))
                .projection(new Document("imageId", 1).append("direction", 1).append("_id", 0))
                .forEach(vote -> directionOf(vote).ifPresent(way -> directions.put(vote.getString("imageId"), way)));
        return directions;
    }

    private static Bson of(String imageId, String voter) {
        return and(eq("imageId", imageId), eq("voter", voter));
    }

    private static Optional<VoteDirection> directionOf(Document vote) {
        return vote == null ? Optional.empty() : VoteDirection.fromId(vote.getString("direction"));
    }
}
