package io.oversight.governance.infrastructure;

import io.oversight.governance.GovernanceTestSchema;
import io.oversight.kernel.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.governance.ReviewerView;
import io.oversight.governance.ReviewerView.Field;
import io.oversight.governance.ReviewerView.FieldFormat;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reviewer views on H2 and PostgreSQL: saved whole and read back whole, saved again in place, absent when unset. */
class ReviewerViewStoreTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private final ReviewerViewStore store = new ReviewerViewStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSavedViewReadsBackWithItsFieldsInOrderAndItsHiddenTiers(TestDatabase database) throws Exception {
        ReviewerView view = new ReviewerView("loans", List.of(new Field("/text", "Complaint", FieldFormat.PARAGRAPHS),
                new Field("/amount", "Amount", FieldFormat.TEXT)), Set.of(1, 3), Optional.of(AT));
        try (Connection c = database.fresh(GovernanceTestSchema.MIGRATIONS).getConnection()) {
            store.save(c, view);

            assertEquals(Optional.of(view), store.view(c, "loans"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void savingAgainReplacesTheWorkflowsViewOnly(TestDatabase database) throws Exception {
        ReviewerView posts = new ReviewerView("posts", List.of(new Field("/body", "Post", FieldFormat.TEXT)), Set.of(),
                Optional.of(AT));
        ReviewerView changed = new ReviewerView("loans", List.of(), Set.of(2), Optional.of(AT.plusSeconds(60)));
        try (Connection c = database.fresh(GovernanceTestSchema.MIGRATIONS).getConnection()) {
            store.save(c, new ReviewerView("loans", List.of(new Field("/a", "A", FieldFormat.TEXT)), Set.of(1),
                    Optional.of(AT)));
            store.save(c, posts);
            store.save(c, changed);

            assertEquals(Optional.of(changed), store.view(c, "loans"));
            assertEquals(Optional.of(posts), store.view(c, "posts"), "no hidden tiers reads back as none");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWorkflowWithoutASavedViewHasNone(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(GovernanceTestSchema.MIGRATIONS).getConnection()) {
            assertTrue(store.view(c, "loans").isEmpty());
        }
    }
}
