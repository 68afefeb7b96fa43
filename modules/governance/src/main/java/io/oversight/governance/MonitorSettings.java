package io.oversight.governance;

import java.time.Instant;
import java.util.Optional;

/**
 * A workflow's monitoring settings (SPEC G3, G6, G7).
 *
 * @param minN             below this many observations a window shows "not enough data"
 * @param referenceSize    drift reference: the first N predictions (of the workflow, and of each snapshot)
 * @param referenceFrom    drift reference instead: the predictions of [from, to), when both are set
 * @param gateMinN         promotion gate: human-final outcomes the candidate's own predictions need
 * @param gateMinAgreement promotion gate: minimum agreement of those outcomes with the candidate
 * @param gateMargin       promotion gate, optional: non-inferiority margin against the active snapshot
 * @param adviceTarget     earned autonomy: the error bound for auto-accepted items
 */
public record MonitorSettings(String workflowKey, int minN, int referenceSize, Optional<Instant> referenceFrom,
        Optional<Instant> referenceTo, int gateMinN, double gateMinAgreement, Optional<Double> gateMargin,
        double adviceTarget) {

    public static MonitorSettings defaults(String workflowKey) {
        return new MonitorSettings(workflowKey, 30, 1000, Optional.empty(), Optional.empty(), 100, 0.9, Optional.empty(),
                0.02);
    }

    /** Whether the reference is a fixed period rather than the first N predictions. */
    public boolean periodReference() {
        return referenceFrom.isPresent() && referenceTo.isPresent();
    }
}
