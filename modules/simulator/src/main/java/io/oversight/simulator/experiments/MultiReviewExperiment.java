package io.oversight.simulator.experiments;

import io.oversight.simulator.corpus.Message;
import io.oversight.simulator.corpus.Split;
import io.oversight.simulator.model.LabelledText;
import io.oversight.simulator.platform.GoldScore;
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
import java.util.Optional;

/**
 * Experiment 3: final label accuracy when noisy reviewers decide, by how many review each item and
 * what settles their disagreements (adjudication, or more reviewers until a majority); and whether
 * gold items catch the sloppy reviewer, who approves whatever the model says. Every configuration
 * gets its own workflow, the same panel, the same messages and the same gold set; the gold set is
 * half items the model gets wrong, as a gold set meant to catch rubber-stamping must be.
 */
public final class MultiReviewExperiment {

    /** One way of reviewing: the workflow's review settings. */
    public record Configuration(String name, int reviewersPerItem, String reviewMode, String onDisagreement,
            int maxReviewers, double goldRate) {

        String slug() {
            return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }
    }

    public record Settings(long seed, int seedLabels, int items, int goldItems, double testFraction, int honestReviewers,
            double meanAccuracy, double accuracyNoise, double adjudicatorAccuracy, List<Configuration> configurations) {
    }

    /** One configuration's measurements. */
    public record Row(Configuration configuration, int items, double modelAccuracy, double finalAccuracy,
            double reviewsPerItem, double adjudicatedShare, double sloppyShareOfReviews, Double sloppyGoldAccuracy,
            boolean sloppyPaused, Double lowestHonestGoldAccuracy, int honestPaused) {
    }

    private final Harness harness;
    private final Settings settings;

    public MultiReviewExperiment(Harness harness, Settings settings) {
        this.harness = harness;
        this.settings = settings;
    }

    public List<Row> run() {
        long seed = settings.seed();
        Split split = Split.of(harness.corpus, seed, settings.testFraction());
        List<Message> seedSet = split.seedSet(settings.seedLabels(), seed).seed();
        List<Message> items = Sampling.shuffled(split.test(), seed).subList(0, Math.min(settings.items(), split.test().size()));
        List<SimulatedReviewer> panel = ReviewerPanel.create("sim-mr-r", settings.honestReviewers(), settings.meanAccuracy(),
                settings.accuracyNoise(), true, seed);
        SimulatedReviewer sloppy = panel.get(panel.size() - 1);
        SimulatedReviewer adjudicator = new SimulatedReviewer("sim-adjudicator", settings.adjudicatorAccuracy(),
                SimulatedReviewer.Behaviour.HONEST);
        List<Row> rows = new ArrayList<>();
        CsvTable reviewers = new CsvTable(List.of("configuration", "reviewer", "behaviour", "simulated_accuracy",
                "gold_answers", "gold_accuracy", "paused", "reviews"));
        try (ReviewCrew crew = harness.goldCheckedCrew(panel, adjudicator, seed)) {
            for (Configuration configuration : settings.configurations()) {
                String workflow = harness.workflowKey("mr", configuration.slug() + "-s" + seed);
                harness.platform.createWorkflow(new WorkflowPlan(workflow, "Multi-review " + configuration.name(),
                        configuration.reviewersPerItem(), configuration.reviewMode(), configuration.onDisagreement(),
                        configuration.maxReviewers(), configuration.goldRate(), 1.0), crew.people());
                ModelService service = harness.modelService(workflow, seed);
                List<LabelledText> labelled = service.trainSeedModel(seedSet);
                if (configuration.goldRate() > 0) {
                    markGold(service, goldSet(service, Sampling.shuffled(split.pool(), seed), seedSet, items));
                }
                List<PostedPrediction> posted = service.predict(items, "items");
                ReviewCrew.Work work = crew.work(workflow);
                Row row = measure(configuration, workflow, service, posted, work, sloppy, panel, reviewers);
                rows.add(row);
                System.out.printf(Locale.ROOT, "multi-review %-34s accuracy %.4f reviews/item %.2f adjudicated %.3f sloppy paused %s%n",
                        configuration.name(), row.finalAccuracy(), row.reviewsPerItem(), row.adjudicatedShare(), row.sloppyPaused());
            }
        }
        reviewers.write(harness.out.resolve("multi-review-reviewers.csv"));
        write(rows);
        return rows;
    }

    /** Half messages the seed model gets wrong, half it gets right, from the pool (never the measured items). */
    private List<Message> goldSet(ModelService service, List<Message> pool, List<Message> seedSet, List<Message> items) {
        List<Message> wrong = new ArrayList<>();
        List<Message> right = new ArrayList<>();
        for (Message m : pool) {
            if (seedSet.contains(m) || items.contains(m)) {
                continue;
            }
            boolean correct = service.model().score(m).label().equals(m.label());
            (correct ? right : wrong).add(m);
            if (wrong.size() >= settings.goldItems() / 2 && right.size() >= settings.goldItems() - settings.goldItems() / 2) {
                break;
            }
        }
        List<Message> gold = new ArrayList<>(wrong.subList(0, Math.min(wrong.size(), settings.goldItems() / 2)));
        gold.addAll(right.subList(0, Math.min(right.size(), settings.goldItems() - gold.size())));
        return gold;
    }

    private void markGold(ModelService service, List<Message> gold) {
        for (PostedPrediction prediction : service.predict(gold, "gold")) {
            Message message = service.messageOf(prediction.clientKey());
            harness.platform.markGold(prediction.id(), service.model().score(message).label(), message.label());
        }
    }

    private Row measure(Configuration configuration, String workflow, ModelService service, List<PostedPrediction> posted,
            ReviewCrew.Work work, SimulatedReviewer sloppy, List<SimulatedReviewer> panel, CsvTable reviewers) {
        int correct = 0;
        int modelCorrect = 0;
        int reviews = 0;
        int adjudicated = 0;
        List<Outcome> outcomes = service.outcomes(posted);
        for (int i = 0; i < posted.size(); i++) {
            Message message = service.messageOf(posted.get(i).clientKey());
            correct += outcomes.get(i).releasedLabel().map(message.label()::equals).orElse(false) ? 1 : 0;
            modelCorrect += service.model().score(message).label().equals(message.label()) ? 1 : 0;
            reviews += work.completionsByMessage.getOrDefault(message.id(), 0);
            adjudicated += work.adjudicatedMessages.contains(message.id()) ? 1 : 0;
        }
        Map<String, GoldScore> gold = new LinkedHashMap<>();
        harness.platform.goldAccuracy(workflow).forEach(score -> gold.put(score.reviewer(), score));
        Double lowestHonest = null;
        int honestPaused = 0;
        for (SimulatedReviewer reviewer : panel) {
            Optional<GoldScore> score = Optional.ofNullable(gold.get(reviewer.login()));
            boolean paused = work.paused.contains(reviewer.login()) || score.map(GoldScore::paused).orElse(false);
            if (reviewer != sloppy) {
                honestPaused += paused ? 1 : 0;
                if (score.isPresent() && score.get().answers() > 0) {
                    lowestHonest = lowestHonest == null ? score.get().accuracy() : Math.min(lowestHonest, score.get().accuracy());
                }
            }
            reviewers.add(configuration.name(), reviewer.login(), reviewer.behaviour(),
                    LearningCurveExperiment.format(reviewer.accuracy()), score.map(GoldScore::answers).orElse(0),
                    score.filter(s -> s.answers() > 0).map(s -> LearningCurveExperiment.format(s.accuracy())).orElse(""),
                    paused, work.completionsByReviewer.getOrDefault(reviewer.login(), 0));
        }
        GoldScore sloppyScore = gold.get(sloppy.login());
        int total = work.completionsByReviewer.values().stream().mapToInt(Integer::intValue).sum();
        return new Row(configuration, posted.size(), (double) modelCorrect / posted.size(), (double) correct / posted.size(),
                (double) reviews / posted.size(), (double) adjudicated / posted.size(),
                total == 0 ? 0 : (double) work.completionsByReviewer.getOrDefault(sloppy.login(), 0) / total,
                sloppyScore == null || sloppyScore.answers() == 0 ? null : sloppyScore.accuracy(),
                work.paused.contains(sloppy.login()) || (sloppyScore != null && sloppyScore.paused()), lowestHonest, honestPaused);
    }

    private void write(List<Row> rows) {
        CsvTable table = new CsvTable(List.of("configuration", "items", "model_accuracy", "final_label_accuracy",
                "reviews_per_item", "adjudicated_share", "sloppy_share_of_reviews", "sloppy_gold_accuracy", "sloppy_paused",
                "lowest_honest_gold_accuracy", "honest_reviewers_paused"));
        Map<String, Double> accuracy = new LinkedHashMap<>();
        for (Row r : rows) {
            table.add(r.configuration().name(), r.items(), LearningCurveExperiment.format(r.modelAccuracy()),
                    LearningCurveExperiment.format(r.finalAccuracy()), LearningCurveExperiment.format(r.reviewsPerItem()),
                    LearningCurveExperiment.format(r.adjudicatedShare()), LearningCurveExperiment.format(r.sloppyShareOfReviews()),
                    r.sloppyGoldAccuracy() == null ? "" : LearningCurveExperiment.format(r.sloppyGoldAccuracy()), r.sloppyPaused(),
                    r.lowestHonestGoldAccuracy() == null ? "" : LearningCurveExperiment.format(r.lowestHonestGoldAccuracy()),
                    r.honestPaused());
            accuracy.put(r.configuration().name(), r.finalAccuracy());
        }
        table.write(harness.out.resolve("multi-review.csv"));
        Charts.barChart("Final label accuracy by review configuration", "configuration", "final label accuracy", accuracy,
                harness.out.resolve("multi-review.png"));
    }
}
