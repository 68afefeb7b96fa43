package io.oversight.governance;

import java.time.Instant;
import java.util.Optional;

/**
 * An alert episode: a monitor rule's (source MONITOR) or a queue SLA's (source SLA).
 *
 * @param openedValue the monitor value of the window that opened it (MONITOR) or the SLA measure
 */
public record MonitorAlert(String id, String source, String workflowKey, Optional<String> ruleId, String monitor,
        String severity, String summary, Instant openedAt, Optional<Double> openedValue, Optional<Long> openedN,
        Optional<Instant> closedAt, Optional<String> acknowledgedBy, Optional<Instant> acknowledgedAt,
        Optional<String> acknowledgeNote) {

    public boolean open() {
        return closedAt.isEmpty();
    }
}
