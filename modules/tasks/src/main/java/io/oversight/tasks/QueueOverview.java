package io.oversight.tasks;

import java.util.List;
import java.util.Map;

/** The queues as the dashboard and the reviewers' landing page show them. */
public interface QueueOverview {

    /**
     * Every queue that has live tasks or an SLA target, with its counts and SLA state. Counting uses
     * the live-task index only, so the cost grows with open work, not with history.
     */
    List<QueueStatistics> statistics();

    /**
     * Per queue, how many items {@code reviewer} could be given now: open tasks of items they have not
     * had and are not excluded from, one per item (the honest count of their waiting work).
     */
    Map<QueueKey, Long> claimableBy(String reviewer);
}
