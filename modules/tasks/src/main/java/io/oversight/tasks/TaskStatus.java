package io.oversight.tasks;

/** Where a task stands; {@link TaskTransition} lists how it moves between these. */
public enum TaskStatus {
    OPEN, CLAIMED, COMPLETED, ESCALATED;

    /** No transition leaves a final status. */
    public boolean isFinal() {
        return TaskTransition.anyFrom(this).isEmpty();
    }
}
