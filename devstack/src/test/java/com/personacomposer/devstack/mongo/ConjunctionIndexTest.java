package com.personacomposer.devstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConjunctionIndexTest {

    private final List<IndexKey> idKey = List.of(new IndexKey("_id", true));
    private final ConjunctionIndex<Integer> index =
            new ConjunctionIndex<>(new MemoryUniqueIndex("_id_", idKey, false), idKey, false);

    @BeforeEach
    void addDocuments() {
        for (int position = 0; position < 100; position++) {
            index.add(new Document("_id", "r" + position).append("status", "PENDING"), position, null);
        }
    }

    @Test
    void looksUpTheIdOfAConditionalFilterInsteadOfScanning() {
        Document conditional = new Document("_id", "r42").append("status", "PENDING");
        Document conjunction = new Document("$and", List.of(new Document("_id", "r7"), new Document("personaName", null)));

        assertThat(index.canHandle(conditional)).isTrue();
        assertThat(index.getPositions(conditional)).containsExactly(42);
        assertThat(index.canHandle(conjunction)).isTrue();
        assertThat(index.getPositions(conjunction)).containsExactly(7);
    }

    @Test
    void findsTheIdInsideNestedConjunctions() {
        Document nested = new Document("$and", List.of(
                new Document("status", "PENDING"),
                new Document("$and", List.of(new Document("updatedAt", null), new Document("_id", "r3"))),
                new Document("_id", "r3")));

        assertThat(index.getPositions(nested)).containsExactly(3);
    }

    @Test
    void leavesFiltersWithoutAnIdEqualityToTheScan() {
        assertThat(index.canHandle(new Document("status", "PENDING"))).isFalse();
        assertThat(index.canHandle(new Document("$or", List.of(new Document("_id", "r1"), new Document("_id", "r2")))))
                .isFalse();
        assertThat(index.canHandle(new Document("_id", new Document("$gt", "r1")).append("status", "PENDING")))
                .isFalse();
    }

    @Test
    void leavesAPatternOnTheKeyToAnIndexThatCanServeTheRest() {
        // A name search: its regex would walk the whole unique index and lose the list's sort.
        Document search = new Document("updatedAt", new Document("$ne", null))
                .append("_id", new Document("$regex", "r4"));
        Document asDecoded = new Document("updatedAt", new Document("$ne", null))
                .append("_id", new BsonRegularExpression("r4", ""));

        assertThat(index.canHandle(search)).isFalse();
        assertThat(index.canHandle(asDecoded)).isFalse();
        assertThat(index.canHandle(new Document("$and", List.of(new Document("_id", new Document("$regex", "r4")),
                new Document("status", "PENDING"))))).isFalse();
    }

    @Test
    void answersExactKeyFiltersAsTheIndexItselfDoes() {
        assertThat(index.getPositions(new Document("_id", "r9"))).containsExactly(9);
        assertThat(index.getPositions(new Document("_id", "missing"))).isEmpty();
    }
}
