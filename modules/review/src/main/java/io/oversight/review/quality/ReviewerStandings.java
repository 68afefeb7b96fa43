package io.oversight.review.quality;

import io.oversight.kernel.KeptReads;
import io.oversight.ledger.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A reviewer's standing in a workflow as every claim checks it: their qualification and whether they
 * are paused there, read together and then kept in memory (two round trips a claim before).
 *
 * <p>Freshness ({@link KeptReads}): a grant, revocation, pause or resume on this server fires
 * {@link Changed} in its transaction, and once it commits nothing kept before it is used again, so the
 * reviewer's next claim here is judged by it. One made on another server is seen once the kept standing's
 * time to live ({@code oversight.review.configurationCacheMillis}, default 1 s) runs out: for at most
 * that long after a revocation or a pause there, a claim here may still be granted.
 */
@ApplicationScoped
public class ReviewerStandings {

    /** Beyond this many reviewer-workflow pairs every kept standing is forgotten: memory stays bounded. */
    static final int MAX_KEPT = 100_000;

    /** What a claim needs to know of a reviewer in a workflow. */
    public record Standing(Optional<QualificationStore.Qualification> qualification, Optional<PauseStore.Pause> pause) {
    }

    /** A reviewer's standing in a workflow changed; fire it in the changing transaction. */
    public record Changed(String reviewer, String workflowKey) {
    }

    private record Key(String reviewer, String workflowKey) {
    }

    @Inject
    Database database;

    @Inject
    QualificationStore qualificationStore;

    @Inject
    PauseStore pauseStore;

    @Inject
    @ConfigProperty(name = "oversight.review.configurationCacheMillis", defaultValue = "1000")
    int cacheMillis;

    private final KeptReads<Key, Standing> kept =
            new KeptReads<>(() -> Math.max(0, cacheMillis), MAX_KEPT, System::nanoTime);

    /** The reviewer's qualification for the workflow and their pause there, if any. */
    public Standing of(String reviewer, String workflowKey) {
        return kept.get(new Key(reviewer, workflowKey), key -> database.run("reading a reviewer's standing",
                c -> new Standing(qualificationStore.qualification(c, key.reviewer(), key.workflowKey()),
                        pauseStore.activePause(c, key.reviewer(), key.workflowKey()))));
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        kept.forgetAll();
    }
}
