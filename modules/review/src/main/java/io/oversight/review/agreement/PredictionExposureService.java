package io.oversight.review.agreement;

import io.oversight.kernel.NotFoundException;
import io.oversight.governance.Workflows;
import io.oversight.ledger.Database;
import io.oversight.review.PredictionExposureReport;
import io.oversight.review.PredictionExposureReports;
import io.oversight.review.decision.ExposureStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the recorded exposure of a period's reviews (and their peers) and compares the two conditions. */
@ApplicationScoped
public class PredictionExposureService implements PredictionExposureReports {

    @Inject
    Database database;

    @Inject
    Workflows workflows;

    @Inject
    ExposureStore exposureStore;

    @Override
    public PredictionExposureReport report(String workflowKey, Instant from, Instant to, Optional<Integer> tier) {
        if (workflows.find(workflowKey).isEmpty()) {
            throw new NotFoundException("No workflow " + workflowKey + ".");
        }
        List<ExposureStore.Exposure> recorded = database.run("reading prediction exposure",
                c -> exposureStore.withPeers(c, workflowKey, from, to, tier, PredictionExposureReport.MAX_REVIEWS + 1));
        List<ExposureStore.Exposure> inPeriod = recorded.stream().filter(e -> inPeriod(e, from, to, tier)).toList();
        boolean truncated = inPeriod.size() > PredictionExposureReport.MAX_REVIEWS;
        java.util.Set<String> counted = new java.util.HashSet<>();
        inPeriod.stream().limit(PredictionExposureReport.MAX_REVIEWS).forEach(e -> counted.add(e.taskId()));
        return PredictionExposureComparison.compare(workflowKey, from, to, tier, recorded,
                e -> counted.contains(e.taskId()), truncated);
    }

    private static boolean inPeriod(ExposureStore.Exposure e, Instant from, Instant to, Optional<Integer> tier) {
        return !e.completedAt().isBefore(from) && e.completedAt().isBefore(to) && tier.map(t -> t == e.tier()).orElse(true);
    }
}
