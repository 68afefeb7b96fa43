package io.oversight.governance.domain.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One crossing is one episode, however the value wanders around the threshold. */
class HysteresisTest {

    private static List<Hysteresis.Change> run(int k, Boolean... windows) {
        Hysteresis state = Hysteresis.closed();
        List<Hysteresis.Change> changes = new ArrayList<>();
        for (Boolean over : windows) {
            Hysteresis.Step step = state.next(Optional.ofNullable(over), k, k);
            state = step.state();
            changes.add(step.change());
        }
        return changes;
    }

    @Test
    void aSeriesThatCrossesAndRecrossesOpensExactlyOneEpisode() {
        // K = 2: over, under, over, over (opens), under, over, under, under (closes)
        List<Hysteresis.Change> changes = run(2, true, false, true, true, false, true, false, false);
        assertEquals(1, changes.stream().filter(c -> c == Hysteresis.Change.OPEN).count());
        assertEquals(1, changes.stream().filter(c -> c == Hysteresis.Change.CLOSE).count());
        assertEquals(Hysteresis.Change.OPEN, changes.get(3));
        assertEquals(Hysteresis.Change.CLOSE, changes.get(7));
    }

    @Test
    void windowsWithoutEnoughDataNeitherCountNorBreakAStreak() {
        List<Hysteresis.Change> changes = run(2, true, null, true);
        assertEquals(List.of(Hysteresis.Change.NONE, Hysteresis.Change.NONE, Hysteresis.Change.OPEN), changes);
    }

    @Test
    void withKOneEveryCrossingIsAnEpisodeEdge() {
        assertEquals(List.of(Hysteresis.Change.OPEN, Hysteresis.Change.NONE, Hysteresis.Change.CLOSE),
                run(1, true, true, false));
    }
}
