package io.oversight.tasks;

/**
 * An open task nobody may claim: every reviewer eligible for its queue has had its item (reviewed it,
 * skipped it, holds another of its slots) or is excluded from it, or no reviewer is eligible at all.
 *
 * @param eligible how many reviewers are eligible for the task's queue
 */
public record StuckTask(ReviewTask task, int eligible) {

    /** Why nobody can take it, for the dashboard and the ledger. */
    public String reason() {
        return eligible == 0 ? "no reviewer is qualified for tier " + task.queue().tier()
                : eligible == 1 ? "the one eligible reviewer has passed on it or is excluded"
                : "all " + eligible + " eligible reviewers have passed on it or are excluded";
    }
}
