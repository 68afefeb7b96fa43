package io.oversight.governance;

import java.time.Instant;
import java.util.Optional;

/**
 * A monitor's alert rule: the workflow-level value of {@code monitor} over windows of
 * {@code grain} (for an input-drift monitor, the value of the declared payload field {@code field})
 * is breached when it is {@code direction} the threshold with at least {@code minN}
 * observations; an episode opens after {@code openAfter} consecutive breached windows and closes
 * after {@code closeAfter} consecutive windows within. One alert per episode.
 *
 * @param field       the declared drift field an input-drift monitor is read on; empty for the others
 * @param episodeOpen whether an episode is open now
 * @param evaluatedTo start of the last window evaluated, empty before the first
 */
public record AlertRule(String id, String workflowKey, Monitor monitor, Optional<String> field, MonitorGrain grain, Direction direction,
        double threshold, int minN, Severity severity, int openAfter, int closeAfter, Instant createdAt,
        boolean episodeOpen, int streak, Optional<Instant> evaluatedTo, Optional<String> openAlertId) {

    public enum Direction { ABOVE, BELOW }

    public enum Severity { INFO, WARNING, CRITICAL }

    /** Whether a value breaches the rule. */
    public boolean breachedBy(double value) {
        return direction == Direction.ABOVE ? value > threshold : value < threshold;
    }
}
