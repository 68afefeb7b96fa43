package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditLedger;
import io.oversight.ledger.EntryFilter;
import io.oversight.tasks.ClaimedTask;
import io.oversight.tasks.DecisionSource;
import io.oversight.tasks.ItemOutcomes;
import io.oversight.tasks.ItemStatus;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.TaskLeases;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.TaskStatus;
import io.oversight.tasks.Verdict;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.transaction.UserTransaction;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seam between review and tasks (ADR 0022), from inside the server: what review does to task and
 * item rows through {@link TaskLeases} and {@link ItemOutcomes} joins the caller's JTA transaction,
 * with the ledger record of the decision. Rolled back, none of it happened: the task is claimable
 * again, the item undecided, no {@code tasks.item.decided} entry is sealed; committed, all of it is.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewSeamIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.productionWarWithTestRunner()
                .addClasses(ApiClient.class, Deployments.class, TasksFixture.class);
    }

    @Inject
    TaskLeases leases;

    @Inject
    ItemOutcomes outcomes;

    @Inject
    AuditLedger ledger;

    @Inject
    UserTransaction transaction;

    @Inject
    ServletContext servletContext;

    @ArquillianResource
    URL deployment;

    @Test
    void aDecisionRolledBackLeavesTaskItemAndLedgerAsTheyWereAndCommittedChangesAllThree() throws Exception {
        // the fixture signs in as the bootstrap administrator, whose password the server's configuration holds
        System.setProperty("it.admin.password",
                ConfigProvider.getConfig().getValue("oversight.bootstrap.admin.password", String.class));
        TasksFixture f = new TasksFixture(deploymentUrl()).workflow(1, "[]", 0);
        String itemId = object(expect(202, f.submit(f.prediction("seam-1", 0.5)))).getString("id");
        ReviewItem item = leases.item(itemId, false).orElseThrow();
        QueueKey queue = new QueueKey(f.key, item.routeTier());

        decide(queue, itemId, false);
        ReviewItem untouched = leases.item(itemId, false).orElseThrow();
        assertEquals(ItemStatus.IN_REVIEW, untouched.status(), "the item is not decided");
        assertTrue(leases.tasksOf(itemId).stream().allMatch(t -> t.status() == TaskStatus.OPEN && t.leaseHolder().isEmpty()),
                "the task is open and unclaimed again: " + leases.tasksOf(itemId));
        Thread.sleep(2_000); // the sequencer seals within about a second
        assertFalse(decidedEntryExists(itemId), "no ledger entry of the rolled-back decision");

        decide(queue, itemId, true);
        assertEquals(ItemStatus.DECIDED, leases.item(itemId, false).orElseThrow().status());
        assertTrue(leases.tasksOf(itemId).stream().anyMatch(t -> t.status() == TaskStatus.COMPLETED));
        for (int i = 0; i < 50 && !decidedEntryExists(itemId); i++) {
            Thread.sleep(200);
        }
        assertTrue(decidedEntryExists(itemId), "the committed decision is sealed in the ledger");
    }

    /** Arquillian's URL where it injects one; otherwise this server's HTTP port and this application's path. */
    private URL deploymentUrl() throws Exception {
        if (deployment != null) {
            return deployment;
        }
        int port = ConfigProvider.getConfig().getValue("oversight.http.port", Integer.class);
        return new URL("http://127.0.0.1:" + port + servletContext.getContextPath() + "/");
    }

    private void decide(QueueKey queue, String itemId, boolean commit) throws Exception {
        transaction.begin();
        try {
            Instant now = Instant.now();
            List<ClaimedTask> claimed = leases.claim(queue, "seam-reviewer", 1, now.plusSeconds(300), 0);
            assertEquals(1, claimed.size());
            ReviewTask task = claimed.get(0).task();
            assertEquals(itemId, task.itemId());
            TaskResult result = new TaskResult(Verdict.APPROVE, List.of(), Optional.empty(), "");
            leases.complete(leases.held(task.id(), "seam-reviewer"), result, List.of("card-not-present"),
                    Optional.empty(), Optional.empty(), now);
            ReviewItem locked = leases.item(itemId, true).orElseThrow();
            outcomes.release(new ItemOutcomes.Release(locked, Actor.system("review-seam-it"), Verdict.APPROVE,
                    List.of("card-not-present"), Optional.empty(), DecisionSource.REVIEW, true, 1, now));
        } finally {
            if (commit) {
                transaction.commit();
            } else {
                transaction.rollback();
            }
        }
    }

    private boolean decidedEntryExists(String itemId) {
        EntryFilter filter = EntryFilter.builder().actionType("tasks.item.decided").subjectKind("item").subjectId(itemId)
                .build();
        return !ledger.entries(filter, OptionalLong.empty(), 10).entries().isEmpty();
    }
}
