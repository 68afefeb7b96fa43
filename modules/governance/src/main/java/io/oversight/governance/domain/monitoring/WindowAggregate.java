package io.oversight.governance.domain.monitoring;

import io.oversight.governance.LoopObservations;
import io.oversight.governance.domain.stats.Calibration;
import io.oversight.governance.domain.stats.Histogram;
import io.oversight.governance.domain.stats.NominalAlpha;
import java.util.Map;
import java.util.TreeMap;

/**
 * The additive aggregates of one window (or of a drift reference): everything a monitor value needs,
 * and nothing per item, so a window costs the same at any volume and two aggregates merge by
 * addition. Mutable accumulator, owned by one tick at a time.
 */
public final class WindowAggregate {

    long predictions;
    final long[] confidence = new long[Histogram.BINS];
    final Map<String, Long> labels = new TreeMap<>();
    final Map<String, Long> routes = new TreeMap<>();
    long decisions;
    long agreed;
    long corrected;
    long adjudicated;
    Calibration calibration = Calibration.empty();
    final long[] outcomes = new long[Histogram.BINS];
    final long[] errors = new long[Histogram.BINS];
    long audits;
    long auditErrors;
    long actions;
    long escalations;
    long skips;
    long goldAnswers;
    long goldCorrect;
    long queueOpenMax;
    double oldestAgeRatioMax;
    NominalAlpha reviewerAlpha = NominalAlpha.empty();

    /** The settled-by-adjudication source name tasks reports. */
    public static final String ADJUDICATION = "ADJUDICATION";

    public void add(LoopObservations.Prediction p) {
        predictions++;
        confidence[Histogram.binOf(p.confidence())]++;
        labels.merge(p.label(), 1L, Long::sum);
        routes.merge(p.routeOutcome(), 1L, Long::sum);
    }

    public void add(LoopObservations.Decision d) {
        decisions++;
        if (d.modelAgreed()) {
            agreed++;
        }
        if ("CORRECT".equals(d.verdict())) {
            corrected++;
        }
        if (ADJUDICATION.equals(d.source())) {
            adjudicated++;
        }
        outcome(d.confidence(), d.modelAgreed());
    }

    public void add(LoopObservations.Audit a) {
        audits++;
        if (!a.modelAgreed()) {
            auditErrors++;
        }
        outcome(a.confidence(), a.modelAgreed());
    }

    // decisions and audits are both human-final outcomes: calibration and the advice read both
    private void outcome(double confidence, boolean agreedWithModel) {
        calibration = calibration.plus(confidence, agreedWithModel);
        int bin = Histogram.binOf(confidence);
        outcomes[bin]++;
        if (!agreedWithModel) {
            errors[bin]++;
        }
    }

    public void add(LoopObservations.ReviewAction a) {
        actions++;
        if ("ESCALATED".equals(a.action())) {
            escalations++;
        } else if ("SKIPPED".equals(a.action())) {
            skips++;
        }
    }

    public void add(LoopObservations.GoldAnswer g) {
        goldAnswers++;
        if (g.correct()) {
            goldCorrect++;
        }
    }

    /**
     * One value of a declared payload field, already turned into its count key ({@link
     * io.oversight.governance.domain.stats.InputDrift}); kept in the label counts of the field's own
     * windows, whose prediction count is then the number of values.
     */
    public void addInputValue(String key) {
        predictions++;
        labels.merge(key, 1L, Long::sum);
    }

    public void add(LoopObservations.ReviewerAnswers r) {
        reviewerAlpha = reviewerAlpha.plusUnit(r.answers());
    }

    public void add(LoopObservations.QueueState q) {
        queueOpenMax = Math.max(queueOpenMax, q.open());
        oldestAgeRatioMax = Math.max(oldestAgeRatioMax, q.oldestAgeRatio());
    }

    /** Adds another aggregate of the same window (queue measures take the maximum). */
    public void merge(WindowAggregate o) {
        predictions += o.predictions;
        addInto(confidence, o.confidence);
        o.labels.forEach((k, v) -> labels.merge(k, v, Long::sum));
        o.routes.forEach((k, v) -> routes.merge(k, v, Long::sum));
        decisions += o.decisions;
        agreed += o.agreed;
        corrected += o.corrected;
        adjudicated += o.adjudicated;
        calibration = calibration.plus(o.calibration);
        addInto(outcomes, o.outcomes);
        addInto(errors, o.errors);
        audits += o.audits;
        auditErrors += o.auditErrors;
        actions += o.actions;
        escalations += o.escalations;
        skips += o.skips;
        goldAnswers += o.goldAnswers;
        goldCorrect += o.goldCorrect;
        queueOpenMax = Math.max(queueOpenMax, o.queueOpenMax);
        oldestAgeRatioMax = Math.max(oldestAgeRatioMax, o.oldestAgeRatioMax);
        reviewerAlpha = reviewerAlpha.plus(o.reviewerAlpha);
    }

    private static void addInto(long[] target, long[] source) {
        for (int i = 0; i < target.length; i++) {
            target[i] += source[i];
        }
    }

    private static void copyInto(long[] target, Histogram source) {
        System.arraycopy(source.counts(), 0, target, 0, target.length);
    }

    public long predictions() {
        return predictions;
    }

    public Histogram confidence() {
        return Histogram.of(confidence);
    }

    public Map<String, Long> labels() {
        return Map.copyOf(labels);
    }

    public Map<String, Long> routes() {
        return Map.copyOf(routes);
    }

    public long decisions() {
        return decisions;
    }

    public long agreed() {
        return agreed;
    }

    public long audits() {
        return audits;
    }

    public long auditErrors() {
        return auditErrors;
    }

    public Histogram outcomes() {
        return Histogram.of(outcomes);
    }

    public Histogram errors() {
        return Histogram.of(errors);
    }

    public Calibration calibration() {
        return calibration;
    }

    public NominalAlpha reviewerAlpha() {
        return reviewerAlpha;
    }

    /** A drift reference as an aggregate (only its predictions are set). */
    public static WindowAggregate ofReference(long predictions, Histogram confidence, Map<String, Long> labels) {
        WindowAggregate a = new WindowAggregate();
        a.predictions = predictions;
        copyInto(a.confidence, confidence);
        a.labels.putAll(labels);
        return a;
    }

    /** The stored form: column values in the order of {@code gov_window}'s aggregate columns. */
    public Object[] columns() {
        return new Object[] {predictions, confidence().encode(), Counts.encode(labels), Counts.encode(routes), decisions,
            agreed, corrected, adjudicated, calibration.encode(), outcomes().encode(), errors().encode(), audits, auditErrors,
            actions, escalations, skips, goldAnswers, goldCorrect, queueOpenMax, oldestAgeRatioMax,
            Counts.encode(reviewerAlpha.values()), reviewerAlpha.disagreement()};
    }

    /** Rebuilds an aggregate from {@link #columns()}' order. */
    public static WindowAggregate fromColumns(Object[] c) {
        WindowAggregate a = new WindowAggregate();
        a.predictions = ((Number) c[0]).longValue();
        copyInto(a.confidence, Histogram.decode((String) c[1]));
        a.labels.putAll(Counts.decode((String) c[2]));
        a.routes.putAll(Counts.decode((String) c[3]));
        a.decisions = ((Number) c[4]).longValue();
        a.agreed = ((Number) c[5]).longValue();
        a.corrected = ((Number) c[6]).longValue();
        a.adjudicated = ((Number) c[7]).longValue();
        a.calibration = Calibration.decode((String) c[8]);
        copyInto(a.outcomes, Histogram.decode((String) c[9]));
        copyInto(a.errors, Histogram.decode((String) c[10]));
        a.audits = ((Number) c[11]).longValue();
        a.auditErrors = ((Number) c[12]).longValue();
        a.actions = ((Number) c[13]).longValue();
        a.escalations = ((Number) c[14]).longValue();
        a.skips = ((Number) c[15]).longValue();
        a.goldAnswers = ((Number) c[16]).longValue();
        a.goldCorrect = ((Number) c[17]).longValue();
        a.queueOpenMax = ((Number) c[18]).longValue();
        a.oldestAgeRatioMax = ((Number) c[19]).doubleValue();
        a.reviewerAlpha = new NominalAlpha(Counts.decode((String) c[20]), ((Number) c[21]).doubleValue());
        return a;
    }

    /** The stored columns' names, in {@link #columns()}' order. */
    public static final String[] COLUMN_NAMES = {"predictions", "confidence_hist", "label_counts", "route_counts",
        "decisions", "agreed", "corrected", "adjudicated", "calibration", "outcome_hist", "error_hist", "audits",
        "audit_errors", "actions", "escalations", "skips", "gold_answers", "gold_correct", "queue_open_max",
        "oldest_age_ratio_max", "reviewer_values", "reviewer_disagreement"};
}
