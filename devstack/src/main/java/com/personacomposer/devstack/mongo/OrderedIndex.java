package com.personacomposer.devstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * A non-unique (single or compound) index for mongo-java-server, which otherwise accepts such indexes and ignores
 * them: every query then scans and sorts the whole collection. Entries are kept in the index's order (its keys'
 * directions, then {@code _id}) in memory and rebuilt when a store is opened. Every document has an entry, in a
 * sparse index too (it then holds more entries than mongod's, and answers the same).
 *
 * <p>A query uses it as mongod would, as far as the services' queries need: equality on a prefix of its keys and a
 * range on the next (ascending) key narrow the entries walked; a sort on the following keys (all in the index's
 * directions, or all reversed) is read off in index order, so {@code find(personaKey).sort(createdAt, _id).limit(50)}
 * reads 50 documents, not the collection. A walk only ever narrows: the collection still matches every document
 * walked against the whole filter, and sorts it where the index did not. Documents holding an array in a key field
 * (a multikey index in mongod) turn the index off for queries.
 */
final class OrderedIndex<P> extends Index<P> {

    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

    private final List<IndexKey> indexKeys;
    private final ConcurrentSkipListMap<Entry, P> entries;
    private volatile boolean multikey;

    OrderedIndex(String name, List<IndexKey> keys) {
        // Declared sparse so that mongo-java-server takes a removal without an entry here as no error (there is none:
        // every document is added).
        super(name, keys, true);
        this.indexKeys = List.copyOf(keys);
        this.entries = new ConcurrentSkipListMap<>(this::compare);
    }

    /** How a query can read the collection through this index, or null where a walk would be a scan. */
    QueryPlans.Plan<P> plan(Document query, Document orderBy) {
        if (multikey) {
            return null;
        }
        Map<String, Object> conditions = conditions(query);
        Object[] from = new Object[indexKeys.size()];
        Object[] to = new Object[indexKeys.size()];
        Arrays.fill(from, Bound.FIRST);
        Arrays.fill(to, Bound.LAST);
        int equal = 0;
        while (equal < indexKeys.size()) {
            Object value = equalityValue(conditions.getOrDefault(indexKeys.get(equal).getKey(), NOT_EQUALITY));
            if (value == NOT_EQUALITY) {
                break;
            }
            from[equal] = value;
            to[equal++] = value;
        }
        boolean ranged = false;
        if (equal < indexKeys.size() && indexKeys.get(equal).isAscending()
                && conditions.get(indexKeys.get(equal).getKey()) instanceof Document range
                && !range.isEmpty() && RANGE_OPERATORS.containsAll(range.keySet())) {
            ranged = true;
            from[equal] = range.containsKey("$gt") ? range.get("$gt") : range.getOrDefault("$gte", Bound.FIRST);
            to[equal] = range.containsKey("$lt") ? range.get("$lt") : range.getOrDefault("$lte", Bound.LAST);
        }
        Boolean reverse = readsInOrder(orderBy, equal);
        boolean sortServed = reverse != null && orderBy != null && !orderBy.isEmpty();
        if (equal == 0 && !ranged && !sortServed) {
            return null; // a walk of the whole index is a scan
        }
        NavigableMap<Entry, P> walked = entries.subMap(new Entry(from, Bound.FIRST), true, new Entry(to, Bound.LAST), true);
        boolean sorted = reverse != null;
        Collection<Map.Entry<Entry, P>> inOrder = (sorted && reverse ? walked.descendingMap() : walked).entrySet();
        Document onKeys = conditionsOnKeys(conditions, equal);
        return new QueryPlans.Plan<>(() -> inOrder.stream()
                .filter(entry -> onKeys.isEmpty() || mayMatch(entry.getKey(), onKeys))
                .map(Map.Entry::getValue), sorted, (sortServed ? 1000 : 0) + equal * 10 + (ranged ? 5 : 0));
    }

    /**
     * The filter's conditions on this index's (undotted) key fields after the first {@code equal}, whose equality the
     * walk itself keeps: what mongod checks on index keys.
     */
    private Document conditionsOnKeys(Map<String, Object> conditions, int equal) {
        Document onKeys = new Document();
        for (IndexKey key : indexKeys.subList(equal, indexKeys.size())) {
            if (!key.getKey().contains(".") && conditions.containsKey(key.getKey())) {
                onKeys.put(key.getKey(), conditions.get(key.getKey()));
            }
        }
        return onKeys;
    }

    /**
     * Whether the document behind {@code entry} may match, judged on the entry's key values alone, so that a walk
     * fetches only documents that can match (mongod filters index keys the same way before fetching). An entry
     * holding null for a field may stand for a missing field, which some conditions tell apart: it is fetched.
     */
    private boolean mayMatch(Entry entry, Document onKeys) {
        Document keys = new Document();
        for (int i = 0; i < indexKeys.size(); i++) {
            String field = indexKeys.get(i).getKey();
            if (onKeys.containsKey(field)) {
                if (entry.values()[i] == null) {
                    return true;
                }
                keys.put(field, entry.values()[i]);
            }
        }
        return MATCHER.matches(keys, onKeys);
    }

    private static final QueryMatcher MATCHER = new DefaultQueryMatcher();

    /**
     * Whether the sort can be read off this index after {@code equal} keys fixed by equality: null if not, else
     * whether backwards. No sort at all is read forwards.
     */
    private Boolean readsInOrder(Document orderBy, int equal) {
        if (orderBy == null || orderBy.isEmpty()) {
            return Boolean.FALSE;
        }
        List<IndexKey> order = indexKeys.subList(equal, indexKeys.size());
        Boolean reverse = null;
        int next = 0;
        for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
            if (next >= order.size() || !order.get(next).getKey().equals(sort.getKey())
                    || !(sort.getValue() instanceof Number direction)) {
                return null;
            }
            boolean backwards = (direction.doubleValue() > 0) != order.get(next).isAscending();
            if (reverse != null && reverse != backwards) {
                return null;
            }
            reverse = backwards;
            next++;
        }
        return reverse == null ? Boolean.FALSE : reverse;
    }

    /**
     * The filter's conditions on plain fields, from its top level and its $and; of a field named twice, the first (the
     * walk it narrows to still holds every document matching both).
     */
    private static Map<String, Object> conditions(Document query) {
        Map<String, Object> conditions = new HashMap<>();
        collect(query, conditions);
        return conditions;
    }

    private static void collect(Document query, Map<String, Object> conditions) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            if (condition.getKey().equals("$and") && condition.getValue() instanceof List<?> parts) {
                parts.stream().filter(Document.class::isInstance).forEach(part -> collect((Document) part, conditions));
            } else if (!condition.getKey().startsWith("$")) {
                conditions.putIfAbsent(condition.getKey(), condition.getValue());
            }
        }
    }

    private static final Object NOT_EQUALITY = new Object();

    /** The value a condition asks a field to equal, or NOT_EQUALITY: for operators, a pattern, a document, an array. */
    private static Object equalityValue(Object value) {
        if (value instanceof Document || value instanceof BsonRegularExpression || value instanceof Collection
                || value instanceof Pattern) {
            return NOT_EQUALITY;
        }
        return Missing.isNullOrMissing(value) ? null : value;
    }

    private enum Bound { FIRST, LAST }

    /** An entry's key values in index order, then the document's {@code _id} (which makes every entry distinct). */
    private record Entry(Object[] values, Object id) {
    }

    private int compare(Entry a, Entry b) {
        for (int i = 0; i < indexKeys.size(); i++) {
            int c = component(a.values()[i], b.values()[i], indexKeys.get(i).isAscending());
            if (c != 0) {
                return c;
            }
        }
        return component(a.id(), b.id(), true);
    }

    private static int component(Object a, Object b, boolean ascending) {
        if (a instanceof Bound || b instanceof Bound) {
            return rank(a) - rank(b);
        }
        int c = VALUES.compare(a, b);
        return ascending ? c : -c;
    }

    private static final Comparator<Object> VALUES = ValueComparator.asc();

    private static int rank(Object value) {
        return value == Bound.FIRST ? -1 : value == Bound.LAST ? 1 : 0;
    }

    private Entry entryOf(Document document) {
        Object[] values = new Object[indexKeys.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = Utils.getSubdocumentValueCollectionAware(document, indexKeys.get(i).getKey());
            if (value instanceof Collection) {
                multikey = true;
            }
            values[i] = Missing.isNullOrMissing(value) ? null : value;
        }
        Object id = document.get("_id");
        return new Entry(values, id == null ? Bound.FIRST : id);
    }

    @Override
    public P getPosition(Document document) {
        return null; // the unique _id index answers where a document is
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // never refuses: not unique
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        entries.put(entryOf(document), position);
    }

    @Override
    public P remove(Document document) {
        return entries.remove(entryOf(document));
    }

    @Override
    public boolean canHandle(Document query) {
        return false; // used through QueryPlans, which knows the sort
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        throw new UnsupportedOperationException("ordered indexes are read through QueryPlans");
    }

    @Override
    public long getCount() {
        return entries.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // never refuses: not unique
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public void drop() {
        entries.clear();
    }
}
