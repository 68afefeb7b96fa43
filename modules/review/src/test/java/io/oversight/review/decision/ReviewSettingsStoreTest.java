package io.oversight.review.decision;

import io.oversight.review.ReviewTestSchema;
import io.oversight.kernel.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Per-workflow review settings on H2 and PostgreSQL: saved whole, read back whole, saved again in place. */
class ReviewSettingsStoreTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private final ReviewSettingsStore store = new ReviewSettingsStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void savedSettingsReadBackFieldForField(TestDatabase database) throws Exception {
        ReviewSettings settings = new ReviewSettings("loans", ReviewSettings.ReviewMode.DYNAMIC, 4,
                ReviewSettings.DisagreementPolicy.ADD_REVIEWER, ReviewSettings.RationaleRule.ALWAYS, true, 0.25, 3, 12,
                0.75, 40, 20, 30, 45);
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            store.saveSettings(c, settings, AT);

            assertEquals(Optional.of(settings), store.settings(c, "loans"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void savingAgainReplacesTheWorkflowsSettingsAndLeavesOthersAlone(TestDatabase database) throws Exception {
        ReviewSettings posts = ReviewSettings.defaults("posts");
        ReviewSettings changed = new ReviewSettings("loans", ReviewSettings.ReviewMode.FIXED, 2,
                ReviewSettings.DisagreementPolicy.ADJUDICATE, ReviewSettings.RationaleRule.NEVER, false, 0.0, 1, 1,
                0.0, 0, 0, 1, 0);
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            store.saveSettings(c, ReviewSettings.defaults("loans"), AT);
            store.saveSettings(c, posts, AT);
            store.saveSettings(c, changed, AT.plusSeconds(60));

            assertEquals(Optional.of(changed), store.settings(c, "loans"));
            assertEquals(Optional.of(posts), store.settings(c, "posts"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWorkflowWithoutSavedSettingsHasNone(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            store.saveSettings(c, ReviewSettings.defaults("loans"), AT);

            assertTrue(store.settings(c, "posts").isEmpty());
        }
    }
}
