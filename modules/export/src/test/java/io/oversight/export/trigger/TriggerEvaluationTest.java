package io.oversight.export.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oversight.export.RetrainTrigger;
import io.oversight.export.RetrainTriggerKind;
import io.oversight.export.RetrainTriggerRequest;
import io.oversight.export.trigger.TriggerEvaluation.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TriggerEvaluationTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T00:00:00Z");

    /** A rule whose state follows the outcomes, as the round stores them. */
    private static final class Rule {
        RetrainTrigger trigger;

        Rule(RetrainTriggerRequest request) {
            trigger = new RetrainTrigger("t1", "wf", request, true, "gov", CREATED, Optional.empty(), Optional.empty(), 0);
        }

        Outcome round(Signals signals) {
            Outcome outcome = TriggerEvaluation.evaluate(trigger, signals);
            RetrainTrigger t = trigger;
            trigger = switch (outcome) {
                case FIRE -> new RetrainTrigger(t.id(), t.workflow(), t.rule(), false, t.createdBy(), t.createdAt(),
                        Optional.of(signals.now()), Optional.of("export"), t.firings() + 1);
                case REARM -> new RetrainTrigger(t.id(), t.workflow(), t.rule(), true, t.createdBy(), t.createdAt(),
                        t.lastFiredAt(), t.lastExportId(), t.firings());
                case STAY -> t;
            };
            return outcome;
        }
    }

    private static RetrainTriggerRequest corrections(long n) {
        return new RetrainTriggerRequest(RetrainTriggerKind.CORRECTIONS_SINCE_EXPORT, Optional.of(n), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private static Signals correctionsSeen(long n) {
        return new Signals(n, 0, 0, false, CREATED.plusSeconds(60));
    }

    @Test
    void aCountRuleFiresOnceWhileItsConditionHoldsAndAgainOnlyAfterItReset() {
        Rule rule = new Rule(corrections(3));
        List<Outcome> outcomes = new ArrayList<>();
        for (long seen : new long[] {0, 2, 3, 4, 7, 0, 1, 3, 5}) {
            outcomes.add(rule.round(correctionsSeen(seen)));
        }
        assertEquals(List.of(Outcome.STAY, Outcome.STAY, Outcome.FIRE, Outcome.STAY, Outcome.STAY, Outcome.REARM,
                Outcome.STAY, Outcome.FIRE, Outcome.STAY), outcomes);
        assertEquals(2, rule.trigger.firings());
    }

    @Test
    void aRateRuleComparesCorrectionsWithItsShareOfTheWindowsLabels() {
        Rule rule = new Rule(new RetrainTriggerRequest(RetrainTriggerKind.CORRECTION_RATE, Optional.empty(), Optional.of(0.25),
                Optional.of(24), Optional.empty()));
        Instant now = CREATED.plusSeconds(60);
        assertEquals(Outcome.STAY, rule.round(new Signals(0, 0, 0, false, now)), "no labels: no rate");
        assertEquals(Outcome.STAY, rule.round(new Signals(0, 100, 24, false, now)), "0.24 < 0.25");
        assertEquals(Outcome.FIRE, rule.round(new Signals(0, 100, 25, false, now)), "0.25 reaches r");
        assertEquals(Outcome.STAY, rule.round(new Signals(0, 100, 90, false, now)), "still above: no second firing");
        assertEquals(Outcome.REARM, rule.round(new Signals(0, 100, 10, false, now)));
        assertEquals(Outcome.FIRE, rule.round(new Signals(0, 4, 1, false, now)));
    }

    @Test
    void aDriftRuleFiresOncePerOpenAlertEpisode() {
        Rule rule = new Rule(new RetrainTriggerRequest(RetrainTriggerKind.DRIFT_ALERT, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
        Instant now = CREATED.plusSeconds(60);
        assertEquals(Outcome.STAY, rule.round(new Signals(0, 0, 0, false, now)));
        assertEquals(Outcome.FIRE, rule.round(new Signals(0, 0, 0, true, now)));
        assertEquals(Outcome.STAY, rule.round(new Signals(0, 0, 0, true, now)));
        assertEquals(Outcome.REARM, rule.round(new Signals(0, 0, 0, false, now)));
        assertEquals(Outcome.FIRE, rule.round(new Signals(0, 0, 0, true, now)));
    }

    @Test
    void aScheduleFiresEveryPeriodCountedFromItsLastFiring() {
        Rule rule = new Rule(new RetrainTriggerRequest(RetrainTriggerKind.SCHEDULE, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(6)));
        Instant due = CREATED.plus(Duration.ofHours(6));
        assertEquals(Outcome.STAY, rule.round(new Signals(0, 0, 0, false, due.minusSeconds(1))));
        assertEquals(Outcome.FIRE, rule.round(new Signals(0, 0, 0, false, due)));
        assertEquals(Outcome.REARM, rule.round(new Signals(0, 0, 0, false, due.plusSeconds(30))));
        assertEquals(Outcome.STAY, rule.round(new Signals(0, 0, 0, false, due.plus(Duration.ofHours(5)))));
        assertEquals(Outcome.FIRE, rule.round(new Signals(0, 0, 0, false, due.plus(Duration.ofHours(6)))));
    }
}
