package io.oversight.simulator.experiments;

import io.oversight.simulator.corpus.Message;
import io.oversight.simulator.corpus.Split;
import io.oversight.simulator.model.LabelledText;
import io.oversight.simulator.platform.Advice;
import io.oversight.simulator.platform.Outcome;
import io.oversight.simulator.platform.PostedPrediction;
import io.oversight.simulator.platform.WorkflowPlan;
import io.oversight.simulator.report.Charts;
import io.oversight.simulator.report.CsvTable;
import io.oversight.simulator.reviewers.ReviewerPanel;
import io.oversight.simulator.reviewers.SimulatedReviewer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
     * @param adviceTargets error bounds for which the platform's earned-autonomy advice is asked after the sweep
     */
    public record Settings(long seed, int seedLabels, int trainLabels, List<Double> thresholds, int items,
            double testFraction, int reviewerCount, double reviewerAccuracy, List<Double> adviceTargets) {
    }

    /** The monitors recompute on a schedule (every 30 s by default): how long to wait for them to see the sweep. */
    private static final Duration MONITOR_WAIT = Duration.ofMinutes(5);
    private static final Duration MONITOR_POLL = Duration.ofSeconds(10);

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
        List<AdviceCheck.Comparison> comparisons = new ArrayList<>();
        try (ReviewCrew crew = harness.crew(panel, adjudicator, seed)) {
            harness.platform.createWorkflow(WorkflowPlan.singleReview(workflow, "Oversight level seed " + seed), crew.people());
            ModelService service = harness.modelService(workflow, seed);
            List<LabelledText> labelled = service.trainSeedModel(seedSet);
            List<Message> training = new ArrayList<>(Sampling.shuffled(split.pool(), seed));
            training.removeAll(seedSet);
            List<PostedPrediction> trainingPosted = service.predict(training.subList(0, settings.trainLabels()), "train");
            long sentToPeople = trainingPosted.stream().filter(PostedPrediction::sentToPeople).count();
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
                sentToPeople += row.sentToPeople();
                System.out.printf(Locale.ROOT, "oversight level: threshold %.3f load %.3f auto-accepted error %.4f final error %.4f%n",
                        threshold, row.reviewLoad(), row.autoAcceptedErrorRate(), row.finalErrorRate());
            }
            AdviceCheck check = new AdviceCheck(items.stream()
                    .map(m -> new AdviceCheck.ScoredItem(service.confidence(m), service.model().score(m).label().equals(m.label())))
                    .toList());
            awaitMonitors(workflow, settings.trainLabels() + (long) items.size() * settings.thresholds().size(), sentToPeople);
            for (double target : settings.adviceTargets()) {
                AdviceCheck.Comparison c = check.compare(harness.platform.advice(workflow, target));
                comparisons.add(c);
                System.out.printf(Locale.ROOT, "advice for target %.3f: recommends %s; measured best %s%n", target,
                        c.recommended().map(p -> LearningCurveExperiment.format(p.threshold())).orElse("none"),
                        c.measuredBest().map(m -> LearningCurveExperiment.format(m.threshold())).orElse("none"));
            }
        }
        write(rows);
        writeAdvice(comparisons);
        return rows;
    }

    /**
     * Waits until the advice rests on every prediction and every human-final outcome of the run (the
     * monitor tick adds them to its windows on its own schedule); after {@link #MONITOR_WAIT} it goes
     * on with what the monitors hold, which the CSV states.
     */
    private void awaitMonitors(String workflow, long predictions, long outcomes) {
        Instant deadline = Instant.now().plus(MONITOR_WAIT);
        Advice advice = harness.platform.advice(workflow, settings.adviceTargets().get(0));
        while ((advice.predictions() < predictions || advice.outcomes() < outcomes) && Instant.now().isBefore(deadline)) {
            System.out.printf(Locale.ROOT, "waiting for the monitors: %d of %d predictions, %d of %d outcomes%n",
                    advice.predictions(), predictions, advice.outcomes(), outcomes);
            try {
                Thread.sleep(MONITOR_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the monitors", e);
            }
            advice = harness.platform.advice(workflow, settings.adviceTargets().get(0));
        }
        System.out.printf(Locale.ROOT, "monitors hold %d of %d predictions, %d of %d outcomes%n", advice.predictions(), predictions,
                advice.outcomes(), outcomes);
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

    private void writeAdvice(List<AdviceCheck.Comparison> comparisons) {
        adviceTable(comparisons).write(harness.out.resolve("oversight-level-advice.csv"));
    }

    /**
     * Per target bound: the advice (what the monitors saw, the recommended threshold, its predicted
     * error and review share), the measured load and error of the held-out items at that threshold, and
     * the measured best threshold.
     */
    static CsvTable adviceTable(List<AdviceCheck.Comparison> comparisons) {
        CsvTable table = new CsvTable(List.of("target_error_bound", "advice_predictions", "advice_outcomes",
                "recommended_threshold", "predicted_error_estimate", "predicted_error_upper_bound", "predicted_review_share",
                "measured_review_load", "measured_auto_accepted", "measured_auto_accepted_wrong",
                "measured_auto_accepted_error_rate", "measured_meets_target", "measured_best_threshold",
                "measured_best_review_load", "measured_best_auto_accepted_error_rate"));
        for (AdviceCheck.Comparison c : comparisons) {
            Optional<Advice.Point> r = c.recommended();
            Optional<AdviceCheck.Measured> m = c.atRecommended();
            Optional<AdviceCheck.Measured> best = c.measuredBest();
            table.add(LearningCurveExperiment.format(c.target()), c.advicePredictions(), c.adviceOutcomes(),
                    r.map(p -> LearningCurveExperiment.format(p.threshold())).orElse("none"),
                    r.flatMap(Advice.Point::errorEstimate).map(LearningCurveExperiment::format).orElse(""),
                    r.flatMap(Advice.Point::errorUpperBound).map(LearningCurveExperiment::format).orElse(""),
                    r.map(p -> LearningCurveExperiment.format(p.reviewShare())).orElse(""),
                    m.map(x -> LearningCurveExperiment.format(x.reviewLoad())).orElse(""),
                    m.map(AdviceCheck.Measured::autoAccepted).map(String::valueOf).orElse(""),
                    m.map(AdviceCheck.Measured::autoAcceptedWrong).map(String::valueOf).orElse(""),
                    m.map(x -> LearningCurveExperiment.format(x.autoAcceptedErrorRate())).orElse(""),
                    c.recommendedMeetsTarget().map(String::valueOf).orElse(""),
                    best.map(x -> LearningCurveExperiment.format(x.threshold())).orElse("none"),
                    best.map(x -> LearningCurveExperiment.format(x.reviewLoad())).orElse(""),
                    best.map(x -> LearningCurveExperiment.format(x.autoAcceptedErrorRate())).orElse(""));
        }
        return table;
    }
}
