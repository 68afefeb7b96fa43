package io.oversight.governance;

/**
 * The monitors. Each value is computed from one window's aggregates and carries the sample
 * size it rests on; see {@link MonitorValue}.
 */
public enum Monitor {
    /** Share of human-final labels equal to the model's; n = decisions. */
    AGREEMENT("Human–model agreement", true),
    /** Share of decisions where people corrected the model; n = decisions. */
    CORRECTION_RATE("Correction rate", true),
    /** Share of decisions settled by an adjudicator; n = decisions. */
    ADJUDICATION_RATE("Adjudication rate", true),
    /** Share of reviewer actions that escalated; n = actions (completed, escalated, skipped). */
    ESCALATION_RATE("Escalation rate", true),
    /** Share of reviewer actions that skipped; n = actions. */
    SKIP_RATE("Skip rate", true),
    /** Expected calibration error over 10 equal-width bins; n = decisions. */
    CALIBRATION_ECE("Expected calibration error", false),
    /** Top-label Brier score; n = decisions. */
    BRIER("Brier score", false),
    /** PSI of the confidence against the reference; n = predictions. */
    SCORE_PSI("Score drift (PSI)", false),
    /** Two-sample KS statistic of the confidence against the reference, with its p-value; n = predictions. */
    SCORE_KS("Score drift (KS)", false),
    /** PSI of the predicted-label distribution against the reference; n = predictions. */
    LABEL_PSI("Predicted-label drift (PSI)", false),
    /** Error share of audited auto-accepted items, with its Wilson 95% interval; n = audits. */
    AUTO_ACCEPT_ERROR("Auto-accept error (HOTL audits)", true),
    /** Predictions received, with the count per routing outcome; n = predictions. */
    VOLUME("Volume", false),
    /** Largest open-task count the SLA monitor saw in a queue of the workflow. */
    QUEUE_BACKLOG("Queue backlog (max open)", false),
    /** Largest oldest-open-task age as a share of its time-to-review target (1 = at the SLA). */
    OLDEST_AGE_VS_SLA("Oldest task age / SLA", false),
    /** Share of gold items answered correctly; n = gold answers. */
    GOLD_ACCURACY("Gold accuracy", true),
    /**
     * Krippendorff's alpha (nominal) between the independent reviewers of multiply reviewed items;
     * n = pairable answers.
     */
    REVIEWER_AGREEMENT("Reviewer agreement (Krippendorff's α)", false),
    /**
     * Drift of a declared payload field against its reference: PSI over the reference's deciles
     * (numbers) or over categories; per field (subject {@code input:<path>}); n = values in the window.
     */
    INPUT_PSI("Input drift (PSI)", false),
    /** Two-sample KS statistic of a numeric payload field against its reference, with its p-value. */
    INPUT_KS("Input drift (KS)", false),
    /** Pearson's chi-square statistic of a categorical payload field against its reference, with its p-value. */
    INPUT_CHI_SQUARE("Input drift (chi-square)", false);

    private final String title;
    private final boolean proportion;

    Monitor(String title, boolean proportion) {
        this.title = title;
        this.proportion = proportion;
    }

    public String title() {
        return title;
    }

    /** Whether the monitor describes one declared payload field (subject {@code input:<path>}), not the workflow. */
    public boolean ofInputField() {
        return this == INPUT_PSI || this == INPUT_KS || this == INPUT_CHI_SQUARE;
    }

    /** Whether the value is a share in [0, 1] (shown as a percentage). */
    public boolean proportion() {
        return proportion;
    }
}
