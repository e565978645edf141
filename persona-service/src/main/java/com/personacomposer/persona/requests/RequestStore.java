package com.personacomposer.persona.requests;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import com.personacomposer.kit.startup.OnStart;
import com.personacomposer.persona.store.BsonValues;
import com.personacomposer.persona.store.MongoErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The requests collection: one document per requestId, assembled from whatever arrives first. Request fields are
 * written once (never over a part), parts with {@code $set} while the request is PENDING, and every status change is
 * a conditional update, so redeliveries and races between topics cannot undo a final state.
 */
@Component
public class RequestStore implements OnStart {

    static final String COLLECTION = "requests";

    private final MongoCollection<Document> requests;

    public RequestStore(MongoDatabase database) {
        this.requests = database.getCollection(COLLECTION);
    }

    /** Declares the indexes of the timeout sweep's query and the outbox sweep's, as the service starts. */
    @Override
    public void onStart() {
        requests.createIndex(Indexes.ascending("status", "updatedAt"), new IndexOptions().name("status_updatedAt"));
        requests.createIndex(Indexes.ascending("outbox.due"), new IndexOptions().name("outbox_due"));
    }

    public Optional<PersonaRequest> find(String requestId) {
        return Optional.ofNullable(requests.find(eq("_id", requestId)).first()).map(RequestStore::toRequest);
    }

    /**
     * Records the request unless it is recorded already. A document made earlier by a part only gets the request
     * fields added. True when this call recorded it. {@code outbox}, when given, is the event owed for a request
     * this call inserts.
     */
    public boolean recordIfAbsent(String requestId, RequestDetails details, Instant now, Outbox outbox) {
        Document onInsert = skeleton(details.personaKey(), now);
        onInsert.putAll(detailFields(details));
        onInsert.put("status", RequestStatus.PENDING.name());
        onInsert.put("outbox", outbox == null ? null : outbox.toDocument());
        UpdateResult inserted = retryingDuplicate(() -> requests.updateOne(eq("_id", requestId),
                new Document("$setOnInsert", onInsert), new UpdateOptions().upsert(true)));
        if (inserted.getUpsertedId() != null) {
            return true;
        }
        Document fill = detailFields(details).append("updatedAt", now);
        return requests.updateOne(and(eq("_id", requestId), eq("personaName", null)), new Document("$set", fill))
                .getModifiedCount() == 1;
    }

    /**
     * Every field a request document ever has, as a new one starts: all documents have one shape, and later updates
     * only replace values. {@code _id} comes from the upsert's filter, {@code status} from the filter or the caller.
     */
    private static Document skeleton(String personaKey, Instant now) {
        Document skeleton = new Document("personaKey", personaKey);
        for (String field : List.of("personaName", "slug", "description", "mottoTone", "model", "createdBy",
                "createdByName", "webhook")) {
            skeleton.append(field, null);
        }
        for (Stage stage : Stage.values()) {
            skeleton.append(stage.field(), StageStatus.PENDING.name());
        }
        return skeleton.append("image", null).append("motto", null).append("error", null).append("outbox", null)
                .append("webhookDelivery", null).append("createdAt", now).append("updatedAt", now);
    }

    private static Document detailFields(RequestDetails details) {
        return new Document("personaKey", details.personaKey())
                .append("personaName", details.personaName())
                .append("slug", details.slug())
                .append("description", details.description())
                .append("mottoTone", details.mottoTone().id())
                .append("model", details.model().id())
                .append("createdBy", details.createdBy())
                .append("createdByName", details.createdByName())
                .append("webhook", details.webhook() == null ? null : details.webhook().toDocument());
    }

    /** Sets the image part; empty when the request is no longer PENDING (the part is then ignored). */
    public Optional<PersonaRequest> setImage(String requestId, String personaKey, StoredImage image, Instant now) {
        Document part = new Document("s3Key", image.s3Key())
                .append("contentType", image.contentType())
                .append("thumbnailKey", image.thumbnailKey())
                .append("thumbnailContentType", image.thumbnailContentType())
                .append("model", image.model().id())
                .append("revisedPrompt", image.revisedPrompt());
        return updatePending(requestId, personaKey, now, new Document("image", part)
                .append(Stage.IMAGE.field(), StageStatus.DONE.name())
                .append(Stage.STORAGE.field(), StageStatus.DONE.name()));
    }

    /** Sets the motto part; empty when the request is no longer PENDING. */
    public Optional<PersonaRequest> setMotto(String requestId, String personaKey, String motto, Instant now) {
        return updatePending(requestId, personaKey, now, new Document("motto", motto)
                .append(Stage.MOTTO.field(), StageStatus.DONE.name()));
    }

    /**
     * PENDING -> FAILED with the reason; {@code stage} (if any) is marked FAILED. Empty when the request was no
     * longer PENDING: the first final state wins.
     */
    public Optional<PersonaRequest> fail(String requestId, String personaKey, String errorStage, Stage stage,
                                  String message, Instant now, Outbox outbox) {
        Document changes = new Document("status", RequestStatus.FAILED.name())
                .append("error", new RequestError(errorStage, message).toDocument())
                .append("outbox", outbox == null ? null : outbox.toDocument());
        if (stage != null) {
            changes.append(stage.field(), StageStatus.FAILED.name());
        }
        return updatePending(requestId, personaKey, now, changes);
    }

    /**
     * One atomic update of a PENDING request, inserting the request if nothing about it was seen yet. Empty when the
     * request exists but is no longer PENDING. When another consumer inserts the request between the update and the
     * insert (E11000 on {@code _id}), the next round updates what it inserted.
     */
    private Optional<PersonaRequest> updatePending(String requestId, String personaKey, Instant now,
                                                   Document changes) {
        Document set = new Document(changes).append("updatedAt", now);
        Document onInsert = skeleton(personaKey, now);
        set.keySet().forEach(onInsert::remove);
        Bson update = new Document("$set", set).append("$setOnInsert", onInsert);
        Bson pending = and(eq("_id", requestId), eq("status", RequestStatus.PENDING.name()));
        for (int round = 1; round <= 3; round++) {
            Optional<PersonaRequest> after = updated(pending, update);
            if (after.isPresent()) {
                return after;
            }
            Document existing = requests.find(eq("_id", requestId)).projection(new Document("status", 1)).first();
            if (existing != null) {
                if (!RequestStatus.PENDING.name().equals(existing.getString("status"))) {
                    return Optional.empty();
                }
                continue; // inserted a moment ago by another consumer
            }
            try {
                // The equality on status gives the inserted document its PENDING status. The answer is read after
                // the write, as for the inserting branch of recordIfAbsent.
                requests.updateOne(pending, update, new UpdateOptions().upsert(true));
                return find(requestId);
            } catch (MongoWriteException e) {
                if (!MongoErrors.isDuplicateKey(e)) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("request " + requestId + " kept changing under an update; will retry");
    }

    /**
     * PENDING -> COMPLETED, owing PersonaCompleted ({@code outbox}) until it is published; the request as it then
     * stands for the one update that made the transition, empty when it was no longer PENDING.
     */
    public Optional<PersonaRequest> complete(String requestId, Instant now, Outbox outbox) {
        return endPending(requestId, RequestStatus.COMPLETED, now, outbox);
    }

    /**
     * PENDING -> CANCELED, owing PersonaCanceled ({@code outbox}) until it is published; the request as it then
     * stands for the one update that made the transition, empty when it was no longer PENDING (completion, a
     * failure or another cancel came first).
     */
    public Optional<PersonaRequest> cancel(String requestId, Instant now, Outbox outbox) {
        return endPending(requestId, RequestStatus.CANCELED, now, outbox);
    }

    private Optional<PersonaRequest> endPending(String requestId, RequestStatus status, Instant now, Outbox outbox) {
        return updated(and(eq("_id", requestId), eq("status", RequestStatus.PENDING.name())),
                combine(set("status", status.name()), set("updatedAt", now), set("outbox", outbox.toDocument())));
    }

    /**
     * COMPLETED -> FAILED when the completed request's image could not be added to its persona, only while its
     * PersonaCompleted is still owed (so it was never published); the after-document if so.
     */
    public Optional<PersonaRequest> failCompletion(String requestId, String errorStage, String message, Instant now,
                                                   Outbox outbox) {
        return updated(
                and(eq("_id", requestId), eq("status", RequestStatus.COMPLETED.name()),
                        eq("outbox.event", OwedEvent.PERSONA_COMPLETED.name())),
                combine(set("status", RequestStatus.FAILED.name()),
                        set("error", new RequestError(errorStage, message).toDocument()),
                        set("updatedAt", now), set("outbox", outbox.toDocument())));
    }

    /**
     * Keeps {@code delivery} unless the request holds a newer one (more attempts, or as many told later): updates
     * come more than once and out of order, and the state never goes back. No request, no change.
     */
    public void recordDelivery(String requestId, WebhookDelivery delivery) {
        Bson older = or(eq("webhookDelivery", null),
                lt("webhookDelivery.attempts", delivery.attempts()),
                and(eq("webhookDelivery.attempts", delivery.attempts()),
                        lt("webhookDelivery.occurredAt", delivery.occurredAt())));
        requests.updateOne(and(eq("_id", requestId), older), set("webhookDelivery", delivery.toDocument()));
    }

    /** Requests owing an event whose outbox is due at {@code now}. */
    public List<PersonaRequest> findOutboxDue(Instant now, int limit) {
        List<PersonaRequest> due = new ArrayList<>();
        requests.find(lte("outbox.due", now)).limit(limit).forEach(document -> due.add(toRequest(document)));
        return due;
    }

    /**
     * Moves the outbox of a request from {@code current} to {@code next} unless another sweep did first; the
     * request as it then stands when this call took it.
     */
    public Optional<PersonaRequest> takeOutbox(String requestId, Outbox current, Outbox next) {
        return updated(
                and(eq("_id", requestId), eq("outbox.event", current.event().name()), eq("outbox.due", current.due())),
                set("outbox", next.toDocument()));
    }

    /**
     * The request no longer owes {@code event} (it was published, or seen on its topic); the request as it then
     * stands when it owed it, empty when it did not.
     */
    public Optional<PersonaRequest> settleOutbox(String requestId, OwedEvent event) {
        return updated(and(eq("_id", requestId), eq("outbox.event", event.name())), set("outbox", null));
    }

    /** PENDING requests that have not changed since {@code cutoff}, oldest first. */
    public List<PersonaRequest> findStale(Instant cutoff, int limit) {
        List<PersonaRequest> stale = new ArrayList<>();
        requests.find(and(eq("status", RequestStatus.PENDING.name()), lt("updatedAt", cutoff)))
                .sort(Sorts.ascending("updatedAt"))
                .limit(limit)
                .forEach(document -> stale.add(toRequest(document)));
        return stale;
    }

    /** PENDING -> FAILED (stage timeout) unless the request moved on since {@code cutoff}; the after-document if so. */
    public Optional<PersonaRequest> timeOut(String requestId, Instant cutoff, String message, Instant now, Outbox outbox) {
        return updated(
                and(eq("_id", requestId), eq("status", RequestStatus.PENDING.name()), lt("updatedAt", cutoff)),
                combine(set("status", RequestStatus.FAILED.name()),
                        set("error", new RequestError("timeout", message).toDocument()),
                        set("updatedAt", now), set("outbox", outbox.toDocument())));
    }

    /** Removes a request recorded by a PUT that lost an idempotency key to another request (nothing was published). */
    public void deleteUnstarted(String requestId) {
        requests.deleteOne(and(eq("_id", requestId), eq("status", RequestStatus.PENDING.name()),
                eq("image", null), eq("motto", null)));
    }

    /** The one request {@code filter} matches, after {@code update}; empty when none matches. */
    private Optional<PersonaRequest> updated(Bson filter, Bson update) {
        return Optional.ofNullable(requests.findOneAndUpdate(filter, update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(RequestStore::toRequest);
    }

    private static <T> T retryingDuplicate(Supplier<T> write) {
        try {
            return write.get();
        } catch (MongoWriteException e) {
            // Two upserts of one new _id raced; the second attempt finds the winner's document.
            if (!MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
            return write.get();
        }
    }

    static PersonaRequest toRequest(Document document) {
        RequestDetails details = null;
        Document webhook = document.get("webhook", Document.class);
        if (document.getString("personaName") != null) {
            details = new RequestDetails(document.getString("personaKey"), document.getString("personaName"),
                    document.getString("slug"), document.getString("description"),
                    MottoTone.fromId(document.getString("mottoTone")).orElseThrow(),
                    ImageModel.fromId(document.getString("model")).orElseThrow(), document.getString("createdBy"),
                    document.getString("createdByName"), webhook == null ? null : RequestWebhook.of(webhook));
        }
        Document stages = document.get("stages", new Document());
        Document image = document.get("image", Document.class);
        Document error = document.get("error", Document.class);
        Document outbox = document.get("outbox", Document.class);
        Document delivery = document.get("webhookDelivery", Document.class);
        return new PersonaRequest(
                document.getString("_id"),
                document.getString("personaKey"),
                details,
                RequestStatus.valueOf(document.getString("status")),
                new Stages(stage(stages, "image"), stage(stages, "storage"), stage(stages, "motto")),
                image == null ? null : new StoredImage(image.getString("s3Key"), image.getString("contentType"),
                        image.getString("thumbnailKey"), image.getString("thumbnailContentType"),
                        ImageModel.fromId(image.getString("model")).orElseThrow(),
                        image.getString("revisedPrompt")),
                document.getString("motto"),
                error == null ? null : RequestError.of(error),
                BsonValues.instant(document, "createdAt"),
                BsonValues.instant(document, "updatedAt"),
                outbox == null ? null : Outbox.of(outbox),
                delivery == null ? null : WebhookDelivery.of(delivery));
    }

    private static StageStatus stage(Document stages, String name) {
        String value = stages.getString(name);
        return value == null ? StageStatus.PENDING : StageStatus.valueOf(value);
    }
}
