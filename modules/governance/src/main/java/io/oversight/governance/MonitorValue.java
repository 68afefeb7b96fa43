package io.oversight.governance;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One monitor over one window. {@code value} is empty when the window has fewer than the workflow's
 * minimum n (status {@link Status#NOT_ENOUGH_DATA}) or no drift reference yet ({@link Status#NO_REFERENCE}):
 * a number is never shown without the sample behind it.
 *
 * @param subject    empty for the whole workflow; else a snapshot id, or "reviewer:" and a pseudonym (gold accuracy)
 * @param lower      lower bound of a 95% interval, where one is defined (Wilson for proportions)
 * @param upper      upper bound of that interval
 * @param pValue     the test's p-value (KS)
 * @param details    named parts (counts per routing outcome for VOLUME)
 */
public record MonitorValue(String workflowKey, Optional<String> subject, Monitor monitor, MonitorGrain grain,
        Instant windowStart, Instant windowEnd, Status status, Optional<Double> value, long n, Optional<Double> lower,
        Optional<Double> upper, Optional<Double> pValue, Map<String, Long> details) {

    public enum Status { OK, NOT_ENOUGH_DATA, NO_REFERENCE }

    public MonitorValue {
        details = Map.copyOf(details);
    }
}
