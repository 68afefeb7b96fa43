package io.oversight.tasks;

import java.time.Duration;
import java.util.Optional;

/**
 * The state of one queue for the dashboard (SPEC T9).
 *
 * @param open            tasks waiting to be claimed
 * @param claimed         tasks held under a lease (claims in flight)
 * @param oldestOpenAge   how long the oldest open task has waited
 * @param maxMinutesToReview the SLA's time-to-review target, if the policy sets one
 * @param maxDepth        the SLA's maximum depth, if set
 * @param reviewTimeBreached whether a time-to-review breach episode is open
 * @param depthBreached   whether a depth breach episode is open
 */
public record QueueStatistics(QueueKey queue, long open, long claimed, Optional<Duration> oldestOpenAge,
        Optional<Integer> maxMinutesToReview, Optional<Integer> maxDepth, boolean reviewTimeBreached,
        boolean depthBreached) {

    public boolean withinSla() {
        return !reviewTimeBreached && !depthBreached;
    }
}
