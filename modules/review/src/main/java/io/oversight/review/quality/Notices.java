package io.oversight.review.quality;

import io.oversight.kernel.NotFoundException;
import io.oversight.ledger.Callers;
import io.oversight.ledger.Database;
import io.oversight.ledger.InTransaction;
import io.oversight.review.ReviewerNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** The signed-in reviewer's notices from adjudication: reading them and saying they have been seen. */
@ApplicationScoped
public class Notices {

    @Inject
    Database database;

    @Inject
    Callers callers;

    @Inject
    InTransaction inTransaction;

    @Inject
    Clock clock;

    @Inject
    NoticeStore noticeStore;

    /** The caller's latest notices, newest first, read or not. */
    public List<ReviewerNotice> mine() {
        String login = callers.login();
        return database.run("reading notices", c -> noticeStore.notices(c, login, 50).stream()
                .map(n -> new ReviewerNotice(n.id(), n.itemId(), n.workflowKey(), n.message(), n.createdAt(), n.readAt()))
                .toList());
    }

    /** Marks one of the caller's notices read. */
    public void markRead(String noticeId) {
        String login = callers.login();
        boolean found = inTransaction.call(() -> database.run("marking a notice read",
                c -> noticeStore.markNoticeRead(c, login, noticeId, clock.instant())));
        if (!found) {
            throw new NotFoundException("You have no notice " + noticeId + ".");
        }
    }
}
