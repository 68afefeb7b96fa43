package io.oversight.governance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oversight.governance.Monitor;
import io.oversight.governance.MonitorGrain;
import io.oversight.governance.MonitorValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The summary table's choice of window: the latest with data, not the hour that has just begun. */
class MonitorDashboardPageTest {

    private static final Instant ONE = Instant.parse("2026-12-07T01:00:00Z");

    private static MonitorValue window(int hour, long n) {
        Instant start = ONE.plus(Duration.ofHours(hour));
        return new MonitorValue("loans", Optional.empty(), Monitor.VOLUME, MonitorGrain.HOUR, start, start.plus(Duration.ofHours(1)),
                n == 0 ? MonitorValue.Status.NOT_ENOUGH_DATA : MonitorValue.Status.OK,
                n == 0 ? Optional.empty() : Optional.of((double) n), n, Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of());
    }

    @Test
    void theHourJustBegunGivesWayToTheLastOneWithData() {
        assertEquals(window(1, 200), MonitorDashboardPage.latestWithData(List.of(window(0, 150), window(1, 200), window(2, 0))));
    }

    @Test
    void theLatestWindowWithDataIsShownEvenIfOlderOnesHadMore() {
        assertEquals(window(2, 3), MonitorDashboardPage.latestWithData(List.of(window(0, 150), window(1, 0), window(2, 3))));
    }

    @Test
    void withNoDataAnywhereTheLatestWindowSaysSo() {
        assertEquals(window(2, 0), MonitorDashboardPage.latestWithData(List.of(window(1, 0), window(2, 0))));
    }
}
