package io.oversight.governance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Read access to the monitors' time series and the alert list, for pages, REST and the compliance
 * report. Values come from stored window aggregates: the same on every server.
 */
public interface Monitors {

    /**
     * Every monitor's value per window of {@code grain} that starts in [from, to), oldest first, for a
     * workflow ({@code snapshotId} empty) or one of its snapshots.
     */
    List<MonitorValue> values(String workflowKey, Optional<String> snapshotId, MonitorGrain grain, Instant from,
            Instant to);

    /** Alert episodes that were open at some time in [from, to), newest first; all workflows when empty. */
    List<MonitorAlert> alerts(Optional<String> workflowKey, Instant from, Instant to);
}
