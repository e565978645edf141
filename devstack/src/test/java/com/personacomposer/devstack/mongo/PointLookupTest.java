package com.personacomposer.devstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A unique index answers a filter that names more than its keys by a point lookup ({@link QueryPlans}). */
class PointLookupTest {

    private final List<IndexKey> idKey = List.of(new IndexKey("_id", true));
    private final MemoryUniqueIndex ids = new MemoryUniqueIndex("_id_", idKey, false);
    private final List<Index<Integer>> indexes = List.of(ids);

    PointLookupTest() {
        for (int position = 0; position < 100; position++) {
            ids.add(new Document("_id", "r" + position).append("status", "PENDING"), position, null);
        }
    }

    private List<Integer> lookedUp(Document query) {
        QueryPlans.Plan<Integer> plan = QueryPlans.best(indexes, query, null);
        return plan == null ? null : plan.positions().get().toList();
    }

    @Test
    void looksUpTheIdOfAConditionalFilterInsteadOfScanning() {
        Document conditional = new Document("_id", "r42").append("status", "PENDING");
        Document conjunction = new Document("$and", List.of(new Document("_id", "r7"), new Document("personaName", null)));

        assertThat(lookedUp(conditional)).containsExactly(42);
        assertThat(lookedUp(conjunction)).containsExactly(7);
    }

    @Test
    void findsTheIdInsideNestedConjunctions() {
        Document nested = new Document("$and", List.of(
                new Document("status", "PENDING"),
                new Document("$and", List.of(new Document("updatedAt", null), new Document("_id", "r3"))),
                new Document("_id", "r3")));

        assertThat(lookedUp(nested)).containsExactly(3);
    }

    @Test
    void leavesFiltersWithoutAnIdEqualityToTheScan() {
        assertThat(lookedUp(new Document("status", "PENDING"))).isNull();
        assertThat(lookedUp(new Document("$or", List.of(new Document("_id", "r1"), new Document("_id", "r2"))))).isNull();
        assertThat(lookedUp(new Document("_id", new Document("$gt", "r1")).append("status", "PENDING"))).isNull();
    }

    @Test
    void leavesAPatternOnTheKeyToAnIndexThatCanServeTheRest() {
        // A name search: its regex would walk the whole unique index and lose the list's sort.
        Document search = new Document("updatedAt", new Document("$ne", null))
                .append("_id", new Document("$regex", "r4"));
        Document asDecoded = new Document("updatedAt", new Document("$ne", null))
                .append("_id", new BsonRegularExpression("r4", ""));

        assertThat(lookedUp(search)).isNull();
        assertThat(lookedUp(asDecoded)).isNull();
        assertThat(lookedUp(new Document("$and", List.of(new Document("_id", new Document("$regex", "r4")),
                new Document("status", "PENDING"))))).isNull();
    }

    @Test
    void leavesExactKeyFiltersToMongoJavaServersOwnLookup() {
        assertThat(QueryPlans.best(indexes, new Document("_id", "r9"), null)).isNull();
        assertThat(ids.canHandle(new Document("_id", "r9"))).isTrue();
    }
}
