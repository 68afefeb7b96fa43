package io.oversight.tasks.web;

import io.oversight.kernel.PageMessages;
import io.oversight.tasks.QueueStatistics;
import io.oversight.tasks.QueueOverview;
import io.oversight.tasks.StuckTask;
import io.oversight.tasks.UnclaimableTasks;
import io.oversight.tasks.queue.SlaMonitor;
import io.oversight.tasks.queue.SlaStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The queue dashboard: depth, oldest item, claims in flight and SLA state of every queue. */
@Named
@RequestScoped
public class QueueDashboardPage {

    static final int ALERTS_SHOWN = 20;
    static final int STUCK_SHOWN = 50;

    @Inject
    QueueOverview queues;

    @Inject
    SlaMonitor slaMonitor;

    @Inject
    UnclaimableTasks unclaimable;

    private List<QueueStatistics> statistics;
    private List<SlaStore.Alert> alerts;
    private List<StuckTask> stuck;

    public List<QueueStatistics> getQueues() {
        if (statistics == null) {
            statistics = queues.statistics();
        }
        return statistics;
    }

    public List<SlaStore.Alert> getAlerts() {
        if (alerts == null) {
            alerts = slaMonitor.recentAlerts(ALERTS_SHOWN);
        }
        return alerts;
    }

    /**
     * Open tasks nobody may claim, shown until the review module moves them on (at the next skip, or
     * by its sweep), so governance can grant a qualification instead.
     */
    public List<StuckTask> getStuck() {
        if (stuck == null) {
            stuck = unclaimable.stuck(Optional.ofNullable(getWorkflow()), STUCK_SHOWN);
        }
        return stuck;
    }

    /**
     * The workflow the list of stuck tasks is narrowed to ({@code ?workflow=KEY}, linked from each queue),
     * or null for all: across many workflows the first {@value #STUCK_SHOWN} may not include the one a
     * governance lead is looking into. A key no workflow has lists nothing.
     */
    public String getWorkflow() {
        return PageMessages.parameter("workflow");
    }

    public long getOpenTotal() {
        return getQueues().stream().mapToLong(QueueStatistics::open).sum();
    }

    public long getBreachedQueues() {
        return getQueues().stream().filter(q -> !q.withinSla()).count();
    }

    public String ageOf(QueueStatistics queue) {
        return queue.oldestOpenAgeText();
    }

    public String slaText(QueueStatistics queue) {
        if (queue.maxMinutesToReview().isEmpty() && queue.maxDepth().isEmpty()) {
            return "no SLA";
        }
        if (queue.withinSla()) {
            return "within SLA";
        }
        return (queue.reviewTimeBreached() ? "review time breached" : "")
                + (queue.reviewTimeBreached() && queue.depthBreached() ? ", " : "")
                + (queue.depthBreached() ? "depth breached" : "");
    }

    public String target(QueueStatistics queue) {
        String time = queue.maxMinutesToReview().map(m -> "review within " + QueueStatistics.human(Duration.ofMinutes(m))).orElse("");
        String depth = queue.maxDepth().map(d -> "at most " + d + " open").orElse("");
        return time.isEmpty() || depth.isEmpty() ? time + depth : time + ", " + depth;
    }
}
