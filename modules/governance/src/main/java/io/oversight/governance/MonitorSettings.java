package io.oversight.governance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A workflow's monitoring settings.
 *
 * @param minN          below this many observations a window shows "not enough data"
 * @param referenceSize drift reference: the first N predictions (of the workflow, and of each snapshot)
 * @param referenceFrom drift reference instead: the predictions of [from, to), when both are set
 * @param acceptance    the promotion gate's criteria; without them promotions are not gated
 * @param adviceTarget  earned autonomy: the error bound for auto-accepted items
 * @param driftFields   payload fields watched for input drift (each against its own reference, built
 *                      like the workflow's: its first referenceSize values, or those of the period)
 */
public record MonitorSettings(String workflowKey, int minN, int referenceSize, Optional<Instant> referenceFrom,
        Optional<Instant> referenceTo, Optional<AcceptanceCriteria> acceptance, double adviceTarget,
        List<DriftField> driftFields) {

    public MonitorSettings {
        driftFields = List.copyOf(driftFields);
    }

    /**
     * What a snapshot must show before it replaces the active one.
     *
     * @param minN         human-final outcomes of the candidate's own predictions, at least
     * @param minAgreement their agreement with the candidate, at least
     * @param margin       optional non-inferiority margin: the lower 95% bound of (candidate − active)
     *                     agreement on the items both snapshots predicted (paired) must be at least −margin
     */
    public record AcceptanceCriteria(int minN, double minAgreement, Optional<Double> margin) {
    }

    public static MonitorSettings defaults(String workflowKey) {
        return new MonitorSettings(workflowKey, 30, 1000, Optional.empty(), Optional.empty(), Optional.empty(), 0.02,
                List.of());
    }

    /** Whether the reference is a fixed period rather than the first N predictions. */
    public boolean periodReference() {
        return referenceFrom.isPresent() && referenceTo.isPresent();
    }
}
