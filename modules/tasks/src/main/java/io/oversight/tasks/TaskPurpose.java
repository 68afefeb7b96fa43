package io.oversight.tasks;

/** Why a task exists. */
public enum TaskPurpose {
    /** One of the independent reviews the routing policy asked for. */
    REVIEW,
    /** Human-on-the-loop audit of an auto-accepted item drawn by sampling. */
    AUDIT,
    /** Sent to the expert tier by the policy's low-confidence band or by a reviewer. */
    ESCALATION,
    /** A user reported a problem with a decision. */
    FEEDBACK
}
