package io.oversight.governance.domain.monitoring;

import java.util.Optional;

/**
 * An alert rule's episode logic: an episode opens after {@code openAfter} consecutive
 * evaluated windows beyond the threshold and closes after {@code closeAfter} consecutive windows back
 * within it; while open, further windows beyond the threshold change nothing, so one crossing that
 * lasts, or a value that hovers around the threshold, is one episode. A window with too little data
 * is no evidence either way: it neither counts nor breaks a streak. Immutable: {@link #next} answers
 * the state after one more window and what that window did.
 */
public record Hysteresis(boolean open, int streak) {

    public enum Change { NONE, OPEN, CLOSE }

    public record Step(Hysteresis state, Change change) {
    }

    public static Hysteresis closed() {
        return new Hysteresis(false, 0);
    }

    /**
     * @param breached   whether the window's value is beyond the threshold, or empty for not enough data
     * @param openAfter  K windows beyond to open (≥ 1)
     * @param closeAfter K windows within to close (≥ 1)
     */
    public Step next(Optional<Boolean> breached, int openAfter, int closeAfter) {
        if (openAfter < 1 || closeAfter < 1) {
            throw new IllegalArgumentException("hysteresis needs at least one window to open and to close");
        }
        if (breached.isEmpty()) {
            return new Step(this, Change.NONE);
        }
        // the streak counts windows that point away from the current state
        boolean againstState = breached.get() != open;
        if (!againstState) {
            return new Step(new Hysteresis(open, 0), Change.NONE);
        }
        int streak = this.streak + 1;
        if (!open && streak >= openAfter) {
            return new Step(new Hysteresis(true, 0), Change.OPEN);
        }
        if (open && streak >= closeAfter) {
            return new Step(new Hysteresis(false, 0), Change.CLOSE);
        }
        return new Step(new Hysteresis(open, streak), Change.NONE);
    }
}
