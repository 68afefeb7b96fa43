package io.oversight.tasks;

import java.util.List;

/** The queues as the dashboard and the reviewers' landing page show them. */
public interface QueueOverview {

    /**
     * Every queue that has live tasks or an SLA target, with its counts and SLA state. Counting uses
     * the live-task index only, so the cost grows with open work, not with history.
     */
    List<QueueStatistics> statistics();
}
