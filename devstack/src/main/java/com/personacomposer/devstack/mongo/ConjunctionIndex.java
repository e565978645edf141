package com.personacomposer.devstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.List;

/**
 * A unique index of mongo-java-server that also narrows filters naming more than its keys.
 *
 * <p>mongo-java-server uses an index only for a filter on exactly the index's keys, so {@code {_id: x, status: "PENDING"}}
 * or {@code {$and: [{_id: x}, ...]}} scanned the whole collection: every conditional update of persona-service did,
 * and the local run slowed down as data grew. Real MongoDB looks the document up by the index and matches the rest;
 * so does this (the collection still matches every candidate against the whole filter). Only point lookups narrow:
 * a regex on the keys would walk the whole unique index and lose any sort an ordered index could serve (a name
 * search newest first), so such a filter is left to {@link OrderedIndex} or the collection.
 */
final class ConjunctionIndex<P> extends Index<P> {

    private final Index<P> index;

    ConjunctionIndex(Index<P> index, List<IndexKey> keys, boolean sparse) {
        super(index.getName(), keys, sparse);
        this.index = index;
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query) || narrowed(query) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return index.canHandle(query) ? index.getPositions(query) : index.getPositions(narrowed(query));
    }

    /** The part of the filter this index can answer on its own, or null. */
    private Document narrowed(Document query) {
        List<String> keys = keys();
        if (query.size() > keys.size() && query.keySet().containsAll(keys)) {
            Document own = new Document();
            keys.forEach(key -> own.put(key, query.get(key)));
            if (pointLookup(own)) {
                return own;
            }
        }
        if (query.get("$and") instanceof List<?> conjuncts) {
            for (Object conjunct : conjuncts) {
                if (conjunct instanceof Document part) {
                    Document own = pointLookup(part) ? part : narrowed(part);
                    if (own != null) {
                        return own;
                    }
                }
            }
        }
        return null;
    }

    private boolean pointLookup(Document filter) {
        return index.canHandle(filter) && filter.values().stream().noneMatch(ConjunctionIndex::isPattern);
    }

    private static boolean isPattern(Object condition) {
        return BsonRegularExpression.isRegularExpression(condition)
                || condition instanceof Document operators && operators.containsKey("$regex");
    }

    @Override
    public P getPosition(Document document) {
        return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        index.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return index.remove(document);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public boolean isUnique() {
        return index.isUnique();
    }

    @Override
    public void drop() {
        index.drop();
    }
}
