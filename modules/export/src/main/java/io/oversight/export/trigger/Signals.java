package io.oversight.export.trigger;

import java.time.Instant;

/**
 * What one round measured for a workflow, the inputs of every rule kind.
 *
 * @param correctionsSinceExport corrections released since the end of the last training-set export
 * @param windowLabels           released labels in the rule's window (CORRECTION_RATE)
 * @param windowCorrections      corrections among them
 * @param driftAlertOpen         whether a drift monitor's alert is open on the workflow
 * @param now                    the round's time
 */
public record Signals(long correctionsSinceExport, long windowLabels, long windowCorrections, boolean driftAlertOpen,
        Instant now) {
}
