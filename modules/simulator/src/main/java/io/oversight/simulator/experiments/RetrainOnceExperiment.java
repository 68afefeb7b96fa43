package io.oversight.simulator.experiments;

import io.oversight.simulator.corpus.Split;
import io.oversight.simulator.model.LabelledText;
import io.oversight.simulator.platform.PostedPrediction;
import io.oversight.simulator.platform.WorkflowPlan;
import io.oversight.simulator.reviewers.ReviewerPanel;
import io.oversight.simulator.reviewers.SimulatedReviewer;
import java.util.List;

/**
 * The whole loop once, small enough for CI: a seed model predicts every unlabelled message, the
 * policy sends them all to people, two simulated reviewers decide them through the review API, the
 * model is retrained on the released labels and registered as the new active snapshot, and both
 * models are measured on held-out messages.
 */
public final class RetrainOnceExperiment {

    /** What happened, for the caller to check against the platform (the ledger) and expectations. */
    public record Result(String workflow, double seedAccuracy, double retrainedAccuracy, int predictions, int sentToPeople,
            int completions, int releasedLabels, int wrongReleasedLabels) {
    }

    private static final int SEED_LABELS = 4;

    private final Harness harness;

    public RetrainOnceExperiment(Harness harness) {
        this.harness = harness;
    }

    public Result run(long seed) {
        Split split = Split.of(harness.corpus, seed, 0.3);
        Split.SeedSet seedSet = split.seedSet(SEED_LABELS, seed);
        String workflow = harness.workflowKey("slice", "s" + seed);
        List<SimulatedReviewer> panel = ReviewerPanel.create("sim-slice-r", 2, 0.95, 0.01, false, seed);
        SimulatedReviewer adjudicator = Harness.ADJUDICATOR;
        try (ReviewCrew crew = harness.crew(panel, adjudicator, seed)) {
            harness.platform.createWorkflow(WorkflowPlan.singleReview(workflow, "Harness slice seed " + seed), crew.people());
            ModelService service = harness.modelService(workflow, seed);
            List<LabelledText> labelled = service.trainSeedModel(seedSet.seed());
            double seedAccuracy = service.model().accuracy(split.test());
            List<PostedPrediction> posted = service.predict(seedSet.unlabelled(), "slice");
            ReviewCrew.Work work = crew.work(workflow);
            List<LabelledText> released = service.released(posted);
            int wrong = (int) released.stream().filter(l -> !l.label().equals(l.message().label())).count();
            labelled.addAll(released);
            double retrained = service.retrain(labelled, "Retrained on " + released.size() + " released labels").accuracy(split.test());
            return new Result(workflow, seedAccuracy, retrained, posted.size(),
                    (int) posted.stream().filter(PostedPrediction::sentToPeople).count(), work.completions.get(),
                    released.size(), wrong);
        }
    }
}
