package io.oversight.tasks.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oversight.governance.PairedOutcomes;
import io.oversight.tasks.DecisionSource;
import io.oversight.tasks.recording.PairedItemOutcomes.Side;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PairedItemOutcomesTest {

    private static final PairedOutcomes.Table EMPTY = new PairedOutcomes.Table(0, 0, 0, 0);

    private static Side reviewed(String predicted, String decided) {
        return new Side(List.of(predicted), List.of(decided), Optional.of(DecisionSource.REVIEW), Optional.of(predicted.equals(decided)));
    }

    private static Side autoAccepted(String predicted, Optional<Boolean> audit) {
        return new Side(List.of(predicted), List.of(predicted), Optional.of(DecisionSource.MODEL), audit);
    }

    private static Side open(String predicted) {
        return new Side(List.of(predicted), List.of(), Optional.empty(), Optional.empty());
    }

    @Test
    void theCandidatesReviewedAnswerJudgesBothPredictions() {
        // people said "fraud": the candidate predicted it, the active snapshot did not
        assertEquals(new PairedOutcomes.Table(0, 1, 0, 0),
                PairedItemOutcomes.plus(EMPTY, reviewed("fraud", "fraud"), autoAccepted("ok", Optional.empty())));
        // people corrected the candidate to what the active snapshot said
        assertEquals(new PairedOutcomes.Table(0, 0, 1, 0),
                PairedItemOutcomes.plus(EMPTY, reviewed("fraud", "ok"), autoAccepted("ok", Optional.empty())));
    }

    @Test
    void theActiveSnapshotsAnswerServesWhenTheCandidatesIsOpen() {
        assertEquals(new PairedOutcomes.Table(1, 0, 0, 0), PairedItemOutcomes.plus(EMPTY, open("ok"), reviewed("ok", "ok")));
        assertEquals(new PairedOutcomes.Table(0, 0, 0, 1), PairedItemOutcomes.plus(EMPTY, open("fraud"), reviewed("fraud", "ok")));
    }

    @Test
    void onlyAConfirmingAuditSettlesAnAutoAcceptedPrediction() {
        assertEquals(new PairedOutcomes.Table(0, 0, 1, 0),
                PairedItemOutcomes.plus(EMPTY, open("fraud"), autoAccepted("ok", Optional.of(true))));
        // an audit that found the model wrong keeps no labels, and an unaudited auto-accept is the model's word
        assertEquals(EMPTY, PairedItemOutcomes.plus(EMPTY, open("fraud"), autoAccepted("ok", Optional.of(false))));
        assertEquals(EMPTY, PairedItemOutcomes.plus(EMPTY, open("fraud"), autoAccepted("ok", Optional.empty())));
    }

    @Test
    void labelSetsCompareWithoutOrder() {
        Side candidate = new Side(List.of("b", "a"), List.of("a", "b"), Optional.of(DecisionSource.CONSENSUS), Optional.of(true));
        assertEquals(new PairedOutcomes.Table(0, 1, 0, 0), PairedItemOutcomes.plus(EMPTY, candidate, open("a")));
    }
}
