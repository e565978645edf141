package com.personacomposer.devstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A non-unique (single or compound) index for mongo-java-server, which otherwise accepts such indexes and ignores
 * them: every query then scans and sorts the whole collection. Entries are kept in the index's order (its keys'
 * directions, then {@code _id}) in memory and rebuilt when a store is opened.
 *
 * <p>A query uses it as mongod would: equality on a prefix of its keys and a range on the next narrow the entries
 * walked; a sort on the following keys (all in the index's directions, or all reversed) is read off in index order,
 * so {@code find(personaKey).sort(createdAt, _id).limit(50)} reads 50 documents, not the collection. The collection
 * still matches every document walked against the whole filter. Documents holding an array in a key field (a
 * multikey index in mongod) turn the index off for queries.
 */
final class OrderedIndex<P> extends Index<P> {

    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

    private final List<IndexKey> indexKeys;
    private final boolean declaredSparse;
    private final boolean idIsKey;
    private final ConcurrentSkipListMap<Entry, P> entries;
    private volatile boolean multikey;

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse) {
        // Declared sparse to mongo-java-server so that a document this index skipped may be removed.
        super(name, keys, true);
        this.indexKeys = List.copyOf(keys);
        this.declaredSparse = sparse;
        this.idIsKey = keys.stream().anyMatch(key -> key.getKey().equals("_id"));
        this.entries = new ConcurrentSkipListMap<>(this::compare);
    }

    /**
     * How a query can read a collection through one of its ordered indexes: the positions of the documents to fetch
     * (a fresh stream each time), in index order when {@code sorted}.
     */
    record Plan<P>(Supplier<Stream<P>> positions, boolean sorted) {
    }

    /**
     * The best plan among the collection's ordered indexes, or null where none helps or a unique index answers the
     * filter itself (a point lookup beats any walk).
     */
    static <P> Plan<P> bestPlan(List<Index<P>> indexes, Document query, Document orderBy) {
        Plan<P> best = null;
        int bestScore = 0;
        for (Index<P> index : indexes) {
            if (!(index instanceof OrderedIndex<P> ordered)) {
                if (index.canHandle(query)) {
                    return null;
                }
                continue;
            }
            Candidate<P> candidate = ordered.plan(query, orderBy);
            if (candidate != null && candidate.score() > bestScore) {
                best = candidate.plan();
                bestScore = candidate.score();
            }
        }
        return best;
    }

    private record Candidate<P>(Plan<P> plan, int score) {
    }

    private Candidate<P> plan(Document query, Document orderBy) {
        if (multikey) {
            return null;
        }
        Map<String, Object> conditions = conditions(query);
        int equal = 0;
        List<Object> prefix = new ArrayList<>();
        while (equal < indexKeys.size()) {
            String field = indexKeys.get(equal).getKey();
            Object value = conditions.containsKey(field) ? equalityValue(conditions.get(field)) : NOT_EQUALITY;
            if (value == NOT_EQUALITY) {
                break;
            }
            prefix.add(value);
            equal++;
        }
        Object low = Bound.FIRST;
        Object high = Bound.LAST;
        boolean ranged = false;
        if (equal < indexKeys.size() && conditions.get(indexKeys.get(equal).getKey()) instanceof Document range
                && !range.isEmpty() && RANGE_OPERATORS.containsAll(range.keySet())) {
            ranged = true;
            low = range.containsKey("$gt") ? range.get("$gt") : range.getOrDefault("$gte", Bound.FIRST);
            high = range.containsKey("$lt") ? range.get("$lt") : range.getOrDefault("$lte", Bound.LAST);
            if (!indexKeys.get(equal).isAscending()) {
                Object swap = low;
                low = high == Bound.LAST ? Bound.FIRST : high;
                high = swap == Bound.FIRST ? Bound.LAST : swap;
            }
        }
        Boolean reverse = readsInOrder(orderBy, equal);
        boolean sortServed = reverse != null && orderBy != null && !orderBy.isEmpty();
        if (equal == 0 && !ranged && !sortServed) {
            return null; // a walk of the whole index is a scan
        }
        Object[] from = new Object[indexKeys.size()];
        Object[] to = new Object[indexKeys.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = i < equal ? prefix.get(i) : i == equal && ranged ? low : Bound.FIRST;
            to[i] = i < equal ? prefix.get(i) : i == equal && ranged ? high : Bound.LAST;
        }
        NavigableMap<Entry, P> walked = entries.subMap(new Entry(from, Bound.FIRST), true, new Entry(to, Bound.LAST), true);
        boolean sorted = reverse != null;
        Collection<Map.Entry<Entry, P>> inOrder = (sorted && reverse ? walked.descendingMap() : walked).entrySet();
        Document onKeys = conditionsOnKeys(conditions, equal);
        Plan<P> plan = new Plan<>(() -> inOrder.stream()
                .filter(entry -> onKeys.isEmpty() || mayMatch(entry.getKey(), onKeys))
                .map(Map.Entry::getValue), sorted);
        return new Candidate<>(plan, (sortServed ? 1000 : 0) + equal * 10 + (ranged ? 5 : 0));
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
        List<IndexKey> order = new ArrayList<>(indexKeys.subList(equal, indexKeys.size()));
        if (!idIsKey) {
            order.add(new IndexKey("_id", true));
        }
        Set<String> fixed = new HashSet<>();
        indexKeys.subList(0, equal).forEach(key -> fixed.add(key.getKey()));
        Boolean reverse = null;
        int next = 0;
        for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
            if (fixed.contains(sort.getKey())) {
                continue;
            }
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

    /** The filter's conditions on plain fields, from its top level and its $and. */
    private static Map<String, Object> conditions(Document query) {
        Map<String, Object> conditions = new HashMap<>();
        Set<String> repeated = new HashSet<>();
        collect(query, conditions, repeated);
        repeated.forEach(conditions::remove);
        return conditions;
    }

    private static void collect(Document query, Map<String, Object> conditions, Set<String> repeated) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            if (condition.getKey().equals("$and") && condition.getValue() instanceof List<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document document) {
                        collect(document, conditions, repeated);
                    }
                }
            } else if (!condition.getKey().startsWith("$")
                    && conditions.putIfAbsent(condition.getKey(), condition.getValue()) != null) {
                repeated.add(condition.getKey());
            }
        }
    }

    private static final Object NOT_EQUALITY = new Object();

    private static Object equalityValue(Object condition) {
        Object value = condition;
        if (value instanceof Document document) {
            if (document.size() != 1 || !document.containsKey("$eq")) {
                return NOT_EQUALITY; // operators, or equality with a whole embedded document
            }
            value = document.get("$eq");
        }
        if (value instanceof Document || value instanceof Collection || value instanceof Pattern) {
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

    private boolean skips(Document document) {
        return declaredSparse && indexKeys.stream()
                .allMatch(key -> Missing.isNullOrMissing(Utils.getSubdocumentValueCollectionAware(document, key.getKey())));
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
        if (!skips(document)) {
            entries.put(entryOf(document), position);
        }
    }

    @Override
    public P remove(Document document) {
        return skips(document) ? null : entries.remove(entryOf(document));
    }

    @Override
    public boolean canHandle(Document query) {
        return false; // used through bestPlan, which knows the sort
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        throw new UnsupportedOperationException("ordered indexes are read through bestPlan");
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
