package io.oversight.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.simulator.HarnessSlice;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The evaluation harness's CI slice against the real server on both databases (SPEC S5): real
 * SpamAssassin messages (a committed slice) go in as predictions of a seed model, simulated
 * reviewers decide every one through the review API, the model is retrained on the labels the
 * platform released, and the ledger holds every prediction and every decision.
 */
@ExtendWith(ArquillianExtension.class)
class HarnessSliceIT {

    private static final String SLICE = "/corpus/spamassassin-slice.jsonl";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void theSliceGoesThroughTheWholeLoopImprovesTheModelAndLeavesEveryDecisionInTheLedger() throws Exception {
        HarnessSlice harness = new HarnessSlice(deployment.toURI(), ApiClient.ADMIN, System.getProperty("it.admin.password"),
                "harness-slice-password");
        HarnessSlice.Result result;
        try (InputStream slice = getClass().getResourceAsStream(SLICE)) {
            assertNotNull(slice, SLICE + " is on the test class path");
            result = harness.run(slice, 7);
        }

        assertTrue(result.predictions() >= 150, "a few hundred items, not a handful: " + result);
        assertEquals(result.predictions(), result.sentToPeople(), "the harness policy sends every prediction to people");
        assertEquals(result.predictions(), result.completions(), "one review per item, each completed through the API");
        assertEquals(result.predictions(), result.releasedLabels(), "the status API released a label for every item");
        assertTrue(result.wrongReleasedLabels() < result.predictions() / 5,
                "reviewers of 95% accuracy release mostly true labels: " + result);
        assertTrue(result.retrainedAccuracy() >= result.seedAccuracy() + 0.05,
                "retraining on the released labels improves on the seed model: " + result);

        awaitCount(result.completions(), () -> harness.ledgerEntries("tasks.task.completed", result.workflow()),
                "one tasks.task.completed ledger entry per decision");
        awaitCount(result.predictions(), () -> harness.ledgerEntries("tasks.prediction.routed", result.workflow()),
                "one tasks.prediction.routed ledger entry per prediction");
        awaitCount(2, () -> harness.ledgerEntries("governance.model.promoted", result.workflow()),
                "the seed model and the retrained model were both promoted on the record");
    }

    /** Ledger entries are readable once sealed, normally within a second of the commit. */
    private static void awaitCount(long expected, LongSupplier count, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        long seen = count.getAsLong();
        while (seen != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            seen = count.getAsLong();
        }
        assertEquals(expected, seen, what);
    }
}
