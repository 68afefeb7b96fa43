package io.oversight.tasks;

import java.util.Set;

/**
 * Who may take the tasks of a queue: the review module's qualifications and pauses decide, tasks asks
 * (to tell a task nobody can claim from one nobody has claimed yet), review implements this with CDI.
 */
public interface ReviewerSupply {

    /** The logins that may claim tasks of {@code queue} now: qualified for its tier, not paused in its workflow. */
    Set<String> eligibleReviewers(QueueKey queue);
}
