package com.personacomposer.devstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which queries an ordered index serves, and how: the positions it hands the collection, in what order. */
class OrderedIndexTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final OrderedIndex<Integer> images = new OrderedIndex<>("personaKey_1_createdAt_1__id_1",
            List.of(new IndexKey("personaKey", true), new IndexKey("createdAt", true), new IndexKey("_id", true)));
    private final MemoryUniqueIndex requestIds = new MemoryUniqueIndex("requestId_1", List.of(new IndexKey("requestId", true)), false);
    private final List<Index<Integer>> indexes = List.of(images, requestIds);

    OrderedIndexTest() {
        // Positions are the insertion order; createdAt runs backwards so index order differs from insertion order.
        for (int i = 0; i < 10; i++) {
            Document image = new Document("_id", "img-" + i).append("personaKey", i % 2 == 0 ? "zoe" : "bo")
                    .append("requestId", "r" + i).append("createdAt", T0.minusSeconds(i));
            images.add(image, i, null);
            requestIds.add(image, i, null);
        }
    }

    @Test
    void aPersonasPageIsReadInIndexOrderSoTheCollectionStopsAtTheLimit() {
        QueryPlans.Plan<Integer> plan = QueryPlans.best(indexes, new Document("personaKey", "zoe"),
                new Document("createdAt", 1).append("_id", 1));

        assertThat(plan.sorted()).isTrue();
        assertThat(plan.positions().get().toList()).containsExactly(8, 6, 4, 2, 0);
    }

    @Test
    void theSortReversedIsReadBackwards() {
        QueryPlans.Plan<Integer> plan = QueryPlans.best(indexes, new Document("personaKey", "bo"),
                new Document("createdAt", -1).append("_id", -1));

        assertThat(plan.sorted()).isTrue();
        assertThat(plan.positions().get().toList()).containsExactly(1, 3, 5, 7, 9);
    }

    @Test
    void aRangeAfterTheEqualityNarrowsTheWalk() {
        Document query = new Document("personaKey", "zoe").append("createdAt", new Document("$gte", T0.minusSeconds(4)));

        QueryPlans.Plan<Integer> plan = QueryPlans.best(indexes, query, new Document("createdAt", 1));

        assertThat(plan.positions().get().toList()).containsExactly(4, 2, 0);
    }

    @Test
    void aSortTheIndexCannotGiveLeavesSortingToTheCollectionButStillNarrows() {
        QueryPlans.Plan<Integer> plan = QueryPlans.best(indexes, new Document("personaKey", "bo"),
                new Document("motto", 1));

        assertThat(plan.sorted()).isFalse();
        assertThat(plan.positions().get().toList()).containsExactlyInAnyOrder(1, 3, 5, 7, 9);
    }

    @Test
    void conditionsOnKeyFieldsAreCheckedOnTheEntriesSoOnlyDocumentsThatMayMatchAreFetched() {
        // The persona list's index: a name search walks it newest first and fetches only the names that match.
        OrderedIndex<Integer> list = new OrderedIndex<>("updatedAt_key",
                List.of(new IndexKey("updatedAt", false), new IndexKey("key", true)));
        List<String> names = List.of("amber one", "birch two", "amber three", "cobalt four");
        for (int i = 0; i < names.size(); i++) {
            list.add(new Document("_id", "p" + i).append("key", names.get(i)).append("updatedAt", T0.plusSeconds(i)), i, null);
        }
        list.add(new Document("_id", "shell").append("key", "amber shell").append("updatedAt", null), 9, null);
        Document search = new Document("updatedAt", new Document("$ne", null))
                .append("key", new Document("$regex", "amber"));

        QueryPlans.Plan<Integer> plan = QueryPlans.best(List.of(list), search,
                new Document("updatedAt", -1).append("key", 1));

        assertThat(plan.sorted()).isTrue();
        assertThat(plan.positions().get().toList())
                .as("newest first; a null key value may stand for a missing field, so its document is fetched")
                .containsExactly(2, 0, 9);
    }

    @Test
    void aFilterOnNoPrefixOfTheKeysIsNotServed() {
        assertThat(QueryPlans.best(indexes, new Document("createdAt", T0), null)).isNull();
        assertThat(QueryPlans.best(indexes, new Document("motto", "x"), new Document("motto", 1))).isNull();
    }

    @Test
    void aUniqueIndexThatAnswersTheFilterIsLeftToDoSo() {
        assertThat(QueryPlans.best(indexes, new Document("requestId", "r3"), new Document("createdAt", 1))).isNull();
    }

    @Test
    void anArrayInAKeyFieldTurnsTheIndexOffForQueries() {
        images.add(new Document("_id", "img-x").append("personaKey", List.of("zoe", "bo")).append("createdAt", T0), 99, null);

        assertThat(QueryPlans.best(indexes, new Document("personaKey", "zoe"), new Document("createdAt", 1))).isNull();
    }

    @Test
    void aKeyPathThroughAnArrayOfDocumentsIsMultikeyToo() {
        OrderedIndex<Integer> requestIds = new OrderedIndex<>("images.requestId_1",
                List.of(new IndexKey("images.requestId", true)));
        requestIds.add(new Document("_id", "zoe").append("images", List.of(new Document("requestId", "r1"))), 0, null);

        assertThat(QueryPlans.best(List.of(requestIds), new Document("images.requestId", "r1"), null)).isNull();
    }

    @Test
    void removedAndUpdatedDocumentsMoveInTheIndex() {
        Document moved = new Document("_id", "img-0").append("personaKey", "zoe").append("createdAt", T0);
        images.updateInPlace(moved, new Document(moved).append("createdAt", T0.minusSeconds(100)), 0, null);
        assertThat(images.remove(new Document("_id", "img-2").append("personaKey", "zoe").append("createdAt", T0.minusSeconds(2))))
                .isEqualTo(2);

        QueryPlans.Plan<Integer> plan = QueryPlans.best(indexes, new Document("personaKey", "zoe"),
                new Document("createdAt", 1));

        assertThat(plan.positions().get().toList()).containsExactly(0, 8, 6, 4);
        assertThat(images.getCount()).isEqualTo(9);
    }
}
