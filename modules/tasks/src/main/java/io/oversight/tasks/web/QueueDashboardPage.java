package io.oversight.tasks.web;

import io.oversight.tasks.QueueStatistics;
import io.oversight.tasks.application.QueueService;
import io.oversight.tasks.application.SlaMonitor;
import io.oversight.tasks.infrastructure.SlaStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The queue dashboard (SPEC T9): depth, oldest item, claims in flight and SLA state of every queue. */
@Named
@RequestScoped
public class QueueDashboardPage {

    static final int ALERTS_SHOWN = 20;

    @Inject
    QueueService queues;

    @Inject
    SlaMonitor slaMonitor;

    private List<QueueStatistics> statistics;
    private List<SlaStore.Alert> alerts;

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

    public long getOpenTotal() {
        return getQueues().stream().mapToLong(QueueStatistics::open).sum();
    }

    public long getBreachedQueues() {
        return getQueues().stream().filter(q -> !q.withinSla()).count();
    }

    /** A wait as people read it: 42 s, 7 min, 3 h 5 min, 2 d 4 h. */
    public static String age(Optional<Duration> age) {
        return age.map(QueueDashboardPage::human).orElse("–");
    }

    static String human(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
        }
        return seconds / 86_400 + " d " + (seconds % 86_400) / 3600 + " h";
    }

    public String ageOf(QueueStatistics queue) {
        return age(queue.oldestOpenAge());
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
        String time = queue.maxMinutesToReview().map(m -> "review within " + human(Duration.ofMinutes(m))).orElse("");
        String depth = queue.maxDepth().map(d -> "at most " + d + " open").orElse("");
        return time.isEmpty() || depth.isEmpty() ? time + depth : time + ", " + depth;
    }
}
