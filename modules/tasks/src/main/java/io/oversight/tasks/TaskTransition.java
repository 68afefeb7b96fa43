package io.oversight.tasks;

import java.util.Arrays;
import java.util.Optional;

/**
 * The task life cycle: every change of a task's {@link TaskStatus} there is, and nothing else. The
 * task store builds each SQL guard from here ({@link #guard()}, {@link #assignment()}), so an update
 * that is not one of these transitions cannot be written, and one whose task is no longer in the
 * {@link #from()} state changes no row and is refused as a conflict.
 *
 * <pre>
 *   OPEN --CLAIM--> CLAIMED --COMPLETE--> COMPLETED
 *    ^  |              |----ESCALATE--> ESCALATED (a successor task opens in a higher tier)
 *    |  +--NO_REVIEWER_LEFT-----------> ESCALATED (no successor: the item goes to adjudication)
 *    +--RELEASE / SKIP / LEASE_EXPIRY--+
 * </pre>
 * COMPLETED and ESCALATED are final. (An open task cut for one reviewer's gold claim is deleted when
 * given back; it never becomes ordinary work.)
 */
public enum TaskTransition {
    /** A reviewer takes the task under a lease. */
    CLAIM(TaskStatus.OPEN, TaskStatus.CLAIMED),
    /** The holder gives it back; they may be given the item again. */
    RELEASE(TaskStatus.CLAIMED, TaskStatus.OPEN),
    /** The holder gives it back and is never given the item again. */
    SKIP(TaskStatus.CLAIMED, TaskStatus.OPEN),
    /** The lease ran out; the reaper gives it back to the queue. */
    LEASE_EXPIRY(TaskStatus.CLAIMED, TaskStatus.OPEN),
    /** The holder decided it. */
    COMPLETE(TaskStatus.CLAIMED, TaskStatus.COMPLETED),
    /** The holder sent it to a higher tier. */
    ESCALATE(TaskStatus.CLAIMED, TaskStatus.ESCALATED),
    /**
     * Nobody may claim the open task any more (every eligible reviewer passed on its item, or none is
     * qualified): it ends, and the item goes to adjudication (ADR 0040).
     */
    NO_REVIEWER_LEFT(TaskStatus.OPEN, TaskStatus.ESCALATED);

    private final TaskStatus from;
    private final TaskStatus to;

    TaskTransition(TaskStatus from, TaskStatus to) {
        this.from = from;
        this.to = to;
    }

    public TaskStatus from() {
        return from;
    }

    public TaskStatus to() {
        return to;
    }

    /** Whether any transition leads from {@code from} to {@code to}. */
    public static boolean allowed(TaskStatus from, TaskStatus to) {
        return Arrays.stream(values()).anyMatch(t -> t.from == from && t.to == to);
    }

    /** The transitions out of {@code status}; none for a final status. */
    public static Optional<TaskTransition> anyFrom(TaskStatus status) {
        return Arrays.stream(values()).filter(t -> t.from == status).findFirst();
    }

    /** SQL condition that the task row is in the state this transition starts from. */
    public String guard() {
        return "status = '" + from.name() + "'";
    }

    /**
     * {@link #guard()} with the state as a parameter, to be bound to {@link #from()}'s name: for the
     * update of one task by its id. PostgreSQL may keep a plan for a connection, made for the table as
     * it was; with the state written out, one made on a nearly empty table reached the task through a
     * partial index of the tasks in that state and read all of them to find the one id (3.6 ms at 20,000
     * claimed tasks). Against a parameter no kept plan can use those indexes, so it reads the task by key.
     */
    public String guardOnParameter() {
        return "status = ?";
    }

    /** SQL assignment of the state this transition leads to. */
    public String assignment() {
        return "status = '" + to.name() + "'";
    }
}
