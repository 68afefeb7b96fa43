package io.oversight.review.quality;

import io.oversight.review.decision.ReviewSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A reviewer's recent work in one workflow, against the fatigue caps. A session is a run
 * of completions with no gap of {@code sessionGapMinutes} or more between them (nor since the last
 * one); the hourly count is a sliding 60 minutes.
 *
 * @param retryAfter when a cap is reached, how long until a claim can succeed again
 * @param breakDue   whether the session has lasted past the break reminder
 */
public record Workload(int completedLastHour, int completedThisSession, Optional<Instant> sessionStartedAt,
        Optional<String> capReached, Optional<Duration> retryAfter, boolean breakDue) {

    /**
     * @param completions the reviewer's completion times in the workflow, newest first: those of the
     *        last 24 hours, or only the newest of them as many as the larger cap (enough to tell whether
     *        a cap is reached and until when; the counts then stop at that number)
     */
    public static Workload of(List<Instant> completions, Instant now, ReviewSettings settings) {
        Instant hourAgo = now.minus(Duration.ofHours(1));
        List<Instant> lastHour = completions.stream().filter(t -> t.isAfter(hourAgo)).toList();
        Duration gap = Duration.ofMinutes(settings.sessionGapMinutes());
        int session = 0;
        Instant sessionStart = null;
        Instant later = now;
        for (Instant completion : completions) {
            if (Duration.between(completion, later).compareTo(gap) >= 0) {
                break;
            }
            session++;
            sessionStart = completion;
            later = completion;
        }
        Optional<String> cap = Optional.empty();
        Optional<Duration> retryAfter = Optional.empty();
        if (settings.maxItemsPerHour() > 0 && lastHour.size() >= settings.maxItemsPerHour()) {
            Instant oldestCounted = lastHour.get(settings.maxItemsPerHour() - 1);
            cap = Optional.of("You completed as many items of " + settings.workflowKey()
                    + " in the last hour as the cap allows (" + settings.maxItemsPerHour() + ").");
            retryAfter = Optional.of(Duration.between(hourAgo, oldestCounted));
        } else if (settings.maxItemsPerSession() > 0 && session >= settings.maxItemsPerSession()) {
            cap = Optional.of("You completed as many items of " + settings.workflowKey()
                    + " this session as the cap allows (" + settings.maxItemsPerSession() + "); take a break of "
                    + settings.sessionGapMinutes() + " minutes.");
            retryAfter = Optional.of(gap.minus(Duration.between(completions.get(0), now)));
        }
        boolean breakDue = sessionStart != null && settings.breakReminderMinutes() > 0
                && Duration.between(sessionStart, now).toMinutes() >= settings.breakReminderMinutes();
        return new Workload(lastHour.size(), session, Optional.ofNullable(sessionStart), cap,
                retryAfter.map(d -> d.isNegative() ? Duration.ZERO : d), breakDue);
    }
}
