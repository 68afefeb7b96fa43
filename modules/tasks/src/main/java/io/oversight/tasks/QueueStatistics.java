package io.oversight.tasks;

import java.time.Duration;
import java.util.Optional;

/**
 * The state of one queue for the dashboard.
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

    /** The oldest open task's wait as people read it: 42 s, 7 min, 3 h 5 min, 2 d 4 h; a dash when none waits. */
    public String oldestOpenAgeText() {
        return oldestOpenAge.map(QueueStatistics::human).orElse("–");
    }

    public static String human(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
        }
        return seconds / 86_400 + " d " + (seconds % 86_400) / 3600 + " h";
    }
}
