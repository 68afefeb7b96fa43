package io.oversight.export.trigger;

import io.oversight.export.RetrainTrigger;
import io.oversight.export.RetrainTriggerRequest;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides what a round does with one rule: a rule fires when it is armed and its condition holds,
 * and is disarmed by the firing; a disarmed rule is armed again once its condition no longer holds.
 * So a condition that stays true fires once, not once per round (once per crossing).
 */
public final class TriggerEvaluation {

    /** What the round does with the rule. */
    public enum Outcome {
        /** Make an export, record the firing, disarm. */
        FIRE,
        /** The condition no longer holds: arm the rule again. */
        REARM,
        /** Nothing changes. */
        STAY
    }

    private TriggerEvaluation() {
    }

    public static Outcome evaluate(RetrainTrigger trigger, Signals signals) {
        boolean holds = holds(trigger, signals);
        if (trigger.armed()) {
            return holds ? Outcome.FIRE : Outcome.STAY;
        }
        return holds ? Outcome.STAY : Outcome.REARM;
    }

    /** Whether the rule's condition holds on these signals. */
    static boolean holds(RetrainTrigger trigger, Signals signals) {
        RetrainTriggerRequest rule = trigger.rule();
        return switch (rule.kind()) {
            case CORRECTIONS_SINCE_EXPORT -> signals.correctionsSinceExport() >= rule.corrections().orElseThrow();
            case CORRECTION_RATE -> signals.windowLabels() > 0
                    && signals.windowCorrections() >= rule.rate().orElseThrow() * signals.windowLabels();
            case DRIFT_ALERT -> signals.driftAlertOpen();
            case SCHEDULE -> scheduleDue(trigger, signals.now());
        };
    }

    /**
     * A schedule is due {@code everyHours} after its last firing (or its creation). Its firing moves
     * that start, so the condition resets at once and the rule is armed again in the next round.
     */
    private static boolean scheduleDue(RetrainTrigger trigger, Instant now) {
        Instant since = trigger.lastFiredAt().orElse(trigger.createdAt());
        return !now.isBefore(since.plus(Duration.ofHours(trigger.rule().everyHours().orElseThrow())));
    }
}
