package io.oversight.review.quality;

import io.oversight.review.ReviewTestSchema;
import io.oversight.kernel.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.review.TaskRows;
import io.oversight.review.quality.NoticeStore.Notice;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reviewer notices on H2 and PostgreSQL: a reviewer's own, newest first, up to a limit, each marked read by its reviewer. */
class NoticeStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final NoticeStore store = new NoticeStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReviewerSeesTheirOwnNoticesNewestFirstUpToTheLimit(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.items(c, "loans", "i1");
            store.insertNotice(c, "n1", "rita", "i1", "loans", "first", T0);
            store.insertNotice(c, "n2", "rita", "i1", "loans", "second", T0.plusSeconds(60));
            store.insertNotice(c, "n3", "rita", "i1", "loans", "third", T0.plusSeconds(120));
            store.insertNotice(c, "n4", "ed", "i1", "loans", "not rita's", T0.plusSeconds(180));

            assertEquals(List.of(new Notice("n3", "i1", "loans", "third", T0.plusSeconds(120), Optional.empty()),
                    new Notice("n2", "i1", "loans", "second", T0.plusSeconds(60), Optional.empty())),
                    store.notices(c, "rita", 2));
            assertEquals(List.of(), store.notices(c, "ada", 50));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void markingReadTouchesOneOfTheReviewersOwnNoticesAndKeepsTheFirstReadTime(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(ReviewTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.items(c, "loans", "i1");
            store.insertNotice(c, "n1", "rita", "i1", "loans", "first", T0);
            store.insertNotice(c, "n2", "rita", "i1", "loans", "second", T0.plusSeconds(60));
            store.insertNotice(c, "n3", "ed", "i1", "loans", "ed's", T0);

            assertTrue(store.markNoticeRead(c, "rita", "n1", T0.plusSeconds(300)));
            assertTrue(store.markNoticeRead(c, "rita", "n1", T0.plusSeconds(500)), "again: still hers");
            assertFalse(store.markNoticeRead(c, "rita", "n3", T0.plusSeconds(500)), "ed's notice is not rita's to mark");
            assertFalse(store.markNoticeRead(c, "rita", "no-such", T0.plusSeconds(500)));

            assertEquals(List.of(Optional.empty(), Optional.of(T0.plusSeconds(300))),
                    store.notices(c, "rita", 50).stream().map(Notice::readAt).toList(), "n2 unread; n1 read at its first time");
            assertEquals(Optional.empty(), store.notices(c, "ed", 50).get(0).readAt());
        }
    }
}
