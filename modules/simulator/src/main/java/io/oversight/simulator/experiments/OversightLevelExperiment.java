package io.oversight.simulator.experiments;

import io.oversight.simulator.corpus.Message;
import io.oversight.simulator.corpus.Split;
import io.oversight.simulator.model.LabelledText;
import io.oversight.simulator.platform.Outcome;
import io.oversight.simulator.platform.PostedPrediction;
import io.oversight.simulator.platform.WorkflowPlan;
import io.oversight.simulator.report.Charts;
import io.oversight.simulator.report.CsvTable;
import io.oversight.simulator.reviewers.ReviewerPanel;
import io.oversight.simulator.reviewers.SimulatedReviewer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Experiment 2: how much of the stream people must review, and how many errors slip through, as
 * the routing policy's auto-accept threshold moves. The model is trained on labels the platform
 * released; for each threshold a new policy version is activated, the same held-out messages are
 * posted, the simulated reviewers decide what was routed to them, and the released outcomes are
 * compared with the true labels.
 */
public final class OversightLevelExperiment {

    /**
     * @param trainLabels human labels (random order) the model is trained on before the sweep
     * @param items       held-out messages posted per threshold
     */
    public record Settings(long seed, int seedLabels, int trainLabels, List<Double> thresholds, int items,
            double testFraction, int reviewerCount, double reviewerAccuracy) {
    }

    /** One threshold's measurements. */
    public record Row(double threshold, int items, int sentToPeople, int autoAccepted, int autoAcceptedWrong,
            int finalWrong, int humanDecidedWrong) {

        double reviewLoad() {
            return (double) sentToPeople / items;
        }

        double autoAcceptedErrorRate() {
            return autoAccepted == 0 ? 0 : (double) autoAcceptedWrong / autoAccepted;
        }

        double finalErrorRate() {
            return (double) finalWrong / items;
        }
    }

    private final Harness harness;
    private final Settings settings;

    public OversightLevelExperiment(Harness harness, Settings settings) {
        this.harness = harness;
        this.settings = settings;
    }

    public List<Row> run() {
        long seed = settings.seed();
        Split split = Split.of(harness.corpus, seed, settings.testFraction());
        List<Message> seedSet = split.seedSet(settings.seedLabels(), seed).seed();
        String workflow = harness.workflowKey("ol", "s" + seed);
        List<SimulatedReviewer> panel = ReviewerPanel.create("sim-ol-r", settings.reviewerCount(), settings.reviewerAccuracy(),
                0.02, false, seed);
        SimulatedReviewer adjudicator = Harness.ADJUDICATOR;
        List<Row> rows = new ArrayList<>();
        try (ReviewCrew crew = harness.crew(panel, adjudicator, seed)) {
            harness.platform.createWorkflow(WorkflowPlan.singleReview(workflow, "Oversight level seed " + seed), crew.people());
            ModelService service = harness.modelService(workflow, seed);
            List<LabelledText> labelled = service.trainSeedModel(seedSet);
            List<Message> training = new ArrayList<>(Sampling.shuffled(split.pool(), seed));
            training.removeAll(seedSet);
            List<PostedPrediction> trainingPosted = service.predict(training.subList(0, settings.trainLabels()), "train");
            crew.work(workflow);
            labelled.addAll(service.released(trainingPosted));
            service.retrain(labelled, "Retrained on " + (labelled.size() - seedSet.size()) + " released labels");
            List<Message> items = Sampling.shuffled(split.test(), seed).subList(0, Math.min(settings.items(), split.test().size()));
            for (double threshold : settings.thresholds()) {
                harness.platform.activatePolicy(workflow, threshold);
                List<PostedPrediction> posted = service.predict(items,
                        String.format(Locale.ROOT, "threshold-%.4f", threshold));
                crew.work(workflow);
                rows.add(measure(threshold, service, posted));
                Row row = rows.get(rows.size() - 1);
                System.out.printf(Locale.ROOT, "oversight level: threshold %.3f load %.3f auto-accepted error %.4f final error %.4f%n",
                        threshold, row.reviewLoad(), row.autoAcceptedErrorRate(), row.finalErrorRate());
            }
        }
        write(rows);
        return rows;
    }

    private static Row measure(double threshold, ModelService service, List<PostedPrediction> posted) {
        int sent = 0;
        int auto = 0;
        int autoWrong = 0;
        int finalWrong = 0;
        int humanWrong = 0;
        List<Outcome> outcomes = service.outcomes(posted);
        for (int i = 0; i < posted.size(); i++) {
            PostedPrediction prediction = posted.get(i);
            Outcome outcome = outcomes.get(i);
            String truth = service.messageOf(prediction.clientKey()).label();
            boolean wrong = !outcome.releasedLabel().map(truth::equals).orElse(false);
            finalWrong += wrong ? 1 : 0;
            if (prediction.sentToPeople()) {
                sent++;
                humanWrong += wrong ? 1 : 0;
            } else if ("AUTO_ACCEPT".equals(prediction.routingOutcome())) {
                auto++;
                autoWrong += wrong ? 1 : 0;
            }
        }
        return new Row(threshold, posted.size(), sent, auto, autoWrong, finalWrong, humanWrong);
    }

    private void write(List<Row> rows) {
        CsvTable table = new CsvTable(List.of("auto_accept_threshold", "items", "sent_to_people", "review_load",
                "auto_accepted", "auto_accepted_wrong", "auto_accepted_error_rate", "human_decided_wrong", "final_error_rate"));
        Map<String, double[][]> series = new LinkedHashMap<>();
        double[] x = new double[rows.size()];
        double[] load = new double[rows.size()];
        double[] autoError = new double[rows.size()];
        double[] finalError = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            table.add(LearningCurveExperiment.format(r.threshold()), r.items(), r.sentToPeople(),
                    LearningCurveExperiment.format(r.reviewLoad()), r.autoAccepted(), r.autoAcceptedWrong(),
                    LearningCurveExperiment.format(r.autoAcceptedErrorRate()), r.humanDecidedWrong(),
                    LearningCurveExperiment.format(r.finalErrorRate()));
            x[i] = r.threshold();
            load[i] = r.reviewLoad();
            autoError[i] = r.autoAcceptedErrorRate();
            finalError[i] = r.finalErrorRate();
        }
        table.write(harness.out.resolve("oversight-level.csv"));
        series.put("share of items sent to people", new double[][] {x, load});
        series.put("error rate of auto-accepted items", new double[][] {x, autoError});
        series.put("error rate of all released labels", new double[][] {x, finalError});
        Charts.lineChart("Reviewer load and errors vs auto-accept threshold", "auto-accept threshold (model confidence)",
                "share of items", series, harness.out.resolve("oversight-level.png"));
    }
}
