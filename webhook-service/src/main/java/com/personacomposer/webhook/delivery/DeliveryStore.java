package com.personacomposer.webhook.delivery;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.personacomposer.kit.startup.OnStart;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@code deliveries} collection: one document per webhook-id, so a redelivered finish event adds nothing. Every
 * change after the insert is conditional: a claim on the {@code due} it read (of several instances sweeping at once
 * one takes it), and the claim's results on the claim's token (an instance whose lease ran out cannot overwrite the
 * work of the instance that took the delivery over).
 */
@Component
class DeliveryStore implements OnStart {

    static final String COLLECTION = "deliveries";

    private final MongoCollection<Document> deliveries;

    DeliveryStore(MongoDatabase database) {
        this.deliveries = database.getCollection(COLLECTION);
    }

    /** Declares the indexes of the sweep's two queries (deliveries due, states not yet announced) as it starts. */
    @Override
    public void onStart() {
        deliveries.createIndex(Indexes.ascending("due"), new IndexOptions().name("due"));
        deliveries.createIndex(Indexes.ascending("announce"), new IndexOptions().name("announce"));
    }

    /** Inserts the delivery unless its webhook-id is there already; true when this call inserted it. */
    boolean recordIfAbsent(Delivery delivery) {
        try {
            deliveries.insertOne(delivery.toDocument());
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    Optional<Delivery> find(String webhookId) {
        return Optional.ofNullable(deliveries.find(eq("_id", webhookId)).first()).map(Delivery::of);
    }

    /** Deliveries due by {@code now}, the longest due first. */
    List<Delivery> due(Instant now, int limit) {
        List<Delivery> due = new ArrayList<>();
        deliveries.find(lte("due", now)).sort(Sorts.ascending("due")).limit(limit)
                .forEach(document -> due.add(Delivery.of(document)));
        return due;
    }

    /** Takes a due delivery until {@code leaseUntil} unless another instance took it first. */
    Optional<Delivery> claim(Delivery delivery, Instant leaseUntil, String token) {
        boolean taken = deliveries.updateOne(and(eq("_id", delivery.id()), eq("due", delivery.due())),
                combine(set("due", leaseUntil), set("claim", token))).getModifiedCount() == 1;
        return taken ? Optional.of(delivery.claimed(leaseUntil, token)) : Optional.empty();
    }

    /** Keeps the body every attempt will send; false when the claim was lost. */
    boolean keepBody(Delivery claimed) {
        return deliveries.updateOne(and(eq("_id", claimed.id()), eq("claim", claimed.claim())),
                set("body", claimed.body())).getModifiedCount() == 1;
    }

    /** Gives a claimed delivery back, due again at {@code due}, nothing else changed. */
    void release(Delivery claimed, Instant due) {
        deliveries.updateOne(and(eq("_id", claimed.id()), eq("claim", claimed.claim())),
                combine(set("due", due), set("claim", null)));
    }

    /** Records the outcome of the claim's work ({@code after}); false when the claim was lost meanwhile. */
    boolean settle(Delivery claimed, Delivery after) {
        return deliveries.updateOne(and(eq("_id", claimed.id()), eq("claim", claimed.claim())), combine(
                set("state", after.state().name().toLowerCase(Locale.ROOT)),
                set("attempts", after.attempts()),
                set("lastStatus", after.lastStatus()),
                set("nextAttemptAt", after.nextAttemptAt()),
                set("due", after.due()),
                set("claim", null),
                set("announce", after.announce()))).getModifiedCount() == 1;
    }

    /** Deliveries whose state has waited for its announcement since {@code before} or longer. */
    List<Delivery> unannounced(Instant before, int limit) {
        List<Delivery> owed = new ArrayList<>();
        deliveries.find(lte("announce", before)).limit(limit).forEach(document -> owed.add(Delivery.of(document)));
        return owed;
    }

    /** The state {@code delivery} stands in was published (unless it changed since). */
    void announced(Delivery delivery) {
        deliveries.updateOne(and(eq("_id", delivery.id()), eq("announce", delivery.announce())),
                set("announce", null));
    }
}
