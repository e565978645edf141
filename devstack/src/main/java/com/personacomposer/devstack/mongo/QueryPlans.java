package com.personacomposer.devstack.mongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Which index a query reads a collection through, as mongod chooses. mongo-java-server on its own uses a unique index
 * only for a filter on exactly its keys, and every other query scans and sorts the whole collection.
 *
 * <p>A unique index also answers a filter that names more than its keys, at its top level or in an {@code $and}:
 * {@code {_id: x, status: "PENDING"}} is a lookup of {@code x}, whose document the collection then matches against the
 * whole filter (every conditional update of persona-service is such a filter). Only point lookups count: a regex on
 * the keys would walk the whole unique index and lose any sort an ordered index could serve (a name search newest
 * first). Otherwise the {@link OrderedIndex} that serves the query best is walked.
 */
final class QueryPlans {

    private QueryPlans() {
    }

    /**
     * The positions of the documents to fetch (a fresh stream each time), in the query's sort order when
     * {@code sorted}; {@code score} ranks the plans of one query.
     */
    record Plan<P>(Supplier<Stream<P>> positions, boolean sorted, int score) {
    }

    /** The best plan, or null where mongo-java-server answers the filter itself or no index helps. */
    static <P> Plan<P> best(List<Index<P>> indexes, Document query, Document orderBy) {
        Plan<P> best = null;
        for (Index<P> index : indexes) {
            if (index instanceof OrderedIndex<P> ordered) {
                Plan<P> plan = ordered.plan(query, orderBy);
                if (plan != null && (best == null || plan.score() > best.score())) {
                    best = plan;
                }
            } else if (index.canHandle(query)) {
                return null;
            } else {
                Document lookup = pointLookupIn(index, query);
                if (lookup != null) {
                    return new Plan<>(() -> StreamSupport.stream(index.getPositions(lookup).spliterator(), false),
                            false, Integer.MAX_VALUE);
                }
            }
        }
        return best;
    }

    /** The part of the filter that looks up one entry of the unique {@code index}, or null. */
    private static Document pointLookupIn(Index<?> index, Document query) {
        List<String> keys = index.getKeys().stream().map(IndexKey::getKey).toList();
        if (query.size() > keys.size() && query.keySet().containsAll(keys)) {
            Document own = new Document();
            keys.forEach(key -> own.put(key, query.get(key)));
            if (isPointLookup(index, own)) {
                return own;
            }
        }
        if (query.get("$and") instanceof List<?> conjuncts) {
            for (Object conjunct : conjuncts) {
                if (conjunct instanceof Document part) {
                    Document own = isPointLookup(index, part) ? part : pointLookupIn(index, part);
                    if (own != null) {
                        return own;
                    }
                }
            }
        }
        return null;
    }

    private static boolean isPointLookup(Index<?> index, Document filter) {
        return index.canHandle(filter) && filter.values().stream().noneMatch(QueryPlans::isPattern);
    }

    private static boolean isPattern(Object condition) {
        return BsonRegularExpression.isRegularExpression(condition)
                || condition instanceof Document operators && operators.containsKey("$regex");
    }
}
