package io.oversight.export;

/** What a retrain trigger watches. */
public enum RetrainTriggerKind {
    /** Corrections released since the end of the workflow's last training-set export reach {@code corrections}. */
    CORRECTIONS_SINCE_EXPORT,
    /** Corrections over released labels in the last {@code windowHours} reach {@code rate} (with at least one label). */
    CORRECTION_RATE,
    /** A drift monitor's alert (score, label or input drift) is open on the workflow. */
    DRIFT_ALERT,
    /** {@code everyHours} have passed since the rule last fired (or was created). */
    SCHEDULE
}
