package io.oversight.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.FieldError;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetrainTriggerRequestTest {

    private static List<String> fields(RetrainTriggerRequest request) {
        return request.problems().stream().map(FieldError::field).toList();
    }

    @Test
    void acceptsEachKindWithTheParametersItReads() {
        assertTrue(new RetrainTriggerRequest(RetrainTriggerKind.CORRECTIONS_SINCE_EXPORT, Optional.of(1L), Optional.empty(),
                Optional.empty(), Optional.empty()).problems().isEmpty());
        assertTrue(new RetrainTriggerRequest(RetrainTriggerKind.CORRECTION_RATE, Optional.empty(), Optional.of(1.0),
                Optional.of(1), Optional.empty()).problems().isEmpty());
        assertTrue(new RetrainTriggerRequest(RetrainTriggerKind.DRIFT_ALERT, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()).problems().isEmpty());
        assertTrue(new RetrainTriggerRequest(RetrainTriggerKind.SCHEDULE, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(RetrainTriggerRequest.MAX_HOURS)).problems().isEmpty());
    }

    @Test
    void refusesOutOfRangeValuesNamingTheField() {
        assertEquals(List.of("corrections"), fields(new RetrainTriggerRequest(RetrainTriggerKind.CORRECTIONS_SINCE_EXPORT,
                Optional.of(-5L), Optional.empty(), Optional.empty(), Optional.empty())));
        assertEquals(List.of("corrections"), fields(new RetrainTriggerRequest(RetrainTriggerKind.CORRECTIONS_SINCE_EXPORT,
                Optional.of(0L), Optional.empty(), Optional.empty(), Optional.empty())));
        for (double rate : new double[] {0, -0.1, 1.01, Double.NaN}) {
            assertEquals(List.of("rate"), fields(new RetrainTriggerRequest(RetrainTriggerKind.CORRECTION_RATE,
                    Optional.empty(), Optional.of(rate), Optional.of(24), Optional.empty())), "rate " + rate);
        }
        assertEquals(List.of("windowHours"), fields(new RetrainTriggerRequest(RetrainTriggerKind.CORRECTION_RATE,
                Optional.empty(), Optional.of(0.5), Optional.of(0), Optional.empty())));
        assertEquals(List.of("everyHours"), fields(new RetrainTriggerRequest(RetrainTriggerKind.SCHEDULE,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(RetrainTriggerRequest.MAX_HOURS + 1))));
    }

    @Test
    void refusesMissingKindMissingParametersAndParametersTheKindDoesNotRead() {
        assertEquals(List.of("kind"), fields(new RetrainTriggerRequest(null, Optional.of(3L), Optional.empty(),
                Optional.empty(), Optional.empty())));
        assertEquals(List.of("rate", "windowHours"), fields(new RetrainTriggerRequest(RetrainTriggerKind.CORRECTION_RATE,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));
        assertEquals(List.of("corrections"), fields(new RetrainTriggerRequest(RetrainTriggerKind.DRIFT_ALERT,
                Optional.of(3L), Optional.empty(), Optional.empty(), Optional.empty())));
    }
}
