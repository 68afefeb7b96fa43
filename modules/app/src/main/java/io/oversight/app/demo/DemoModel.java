package io.oversight.app.demo;

import io.oversight.app.users.AccountSeeding;
import io.oversight.ledger.PlatformStarted;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In demo mode, a model service that keeps the demo workflows' review queues supplied: every
 * interval it posts one prediction, to the demo workflows in turn, through the public REST API as the
 * demo integration account, until a workflow has {@code oversight.demo.model.queueCap} unfinished
 * tasks; it posts to that workflow again once reviewers bring it under the cap. Nothing here goes
 * around the API: what the demo shows is what a customer's model service would cause.
 */
@ApplicationScoped
public class DemoModel {

    private static final Logger LOG = Logger.getLogger(DemoModel.class.getName());
    private static final List<DemoWorkflow> WORKFLOWS = List.of(DemoWorkflow.values());
    /**
     * How long the demo's inline caller waits for people: a real inline call, but answered (with the
     * workflow's timeout outcome) within one poll of the inline waits, so it never holds the
     * scheduler's thread for long.
     */
    static final int INLINE_WAIT_MILLIS = 200;
    private static final Duration FAILURE_REPORT_GAP = Duration.ofMinutes(1);

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "oversight.demo.model.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "oversight.demo.model.intervalMillis", defaultValue = "1500")
    long intervalMillis;

    @Inject
    @ConfigProperty(name = "oversight.demo.model.queueCap", defaultValue = "25")
    int queueCap;

    @Inject
    @ConfigProperty(name = "oversight.http.host", defaultValue = "*")
    String httpHost;

    @Inject
    @ConfigProperty(name = "oversight.http.port", defaultValue = "9080")
    int httpPort;

    private String contextPath;
    private PlatformClient platform;
    private DemoPredictions predictions;
    private int nextWorkflow;
    private Instant failuresQuietUntil;
    private int unreportedFailures;
    private ScheduledFuture<?> nextPost;
    private boolean stopped;

    /**
     * Where the application is deployed, which its own configuration does not say (a test deployment
     * has a context root of its own). Before the start-up sequence (default priority), which fires
     * {@link PlatformStarted}.
     */
    synchronized void onInitialized(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE)
            @Initialized(ApplicationScoped.class) ServletContext context) {
        contextPath = context.getContextPath();
    }

    /** After the demo qualifications (APPLICATION + 600), so the first prediction reaches a qualified reviewer. */
    synchronized void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 700) PlatformStarted started) {
        if (!started.demoMode() || !enabled || platform != null) {
            return;
        }
        if (intervalMillis < 1 || queueCap < 1) {
            LOG.warning("Demo model: not started, oversight.demo.model.intervalMillis and oversight.demo.model.queueCap"
                    + " must be positive (they are " + intervalMillis + " and " + queueCap + ")");
            return;
        }
        URI api = URI.create("http://" + hostToCall(httpHost) + ":" + httpPort + contextPath + "/api/v1/");
        platform = new PlatformClient(api, AccountSeeding.DEMO_INTEGRATION_USER, AccountSeeding.DEMO_GOVERNANCE_USER,
                AccountSeeding.DEMO_PASSWORD, scheduler);
        predictions = new DemoPredictions(clock.millis(), LocalDate.now(clock));
        // the API answers only once the application has started, which is after this event: the
        // first minute's failures are expected, not news
        failuresQuietUntil = clock.instant().plus(FAILURE_REPORT_GAP);
        LOG.info("Demo model: posting a prediction every " + seconds(intervalMillis) + " to " + seconds(maxDelay())
                + " s until " + queueCap + " open tasks per workflow; set OVERSIGHT_DEMO_MODEL_ENABLED=false to switch it off");
        scheduleNext();
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (nextPost != null) {
            nextPost.cancel(false);
        }
    }

    private void postAndScheduleNext() {
        try {
            postNext();
        } catch (IOException | RuntimeException e) {
            reportFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        scheduleNext();
    }

    /**
     * Posts one prediction to the next workflow in turn that has room under the cap for all the
     * tasks a prediction may open (one per required review), so a queue never grows past the cap.
     */
    private void postNext() throws IOException, InterruptedException {
        Map<String, Long> unfinished = platform.unfinishedTasks();
        Map<String, PlatformClient.WorkflowFacts> workflows = platform.workflows();
        for (int turn = 0; turn < WORKFLOWS.size(); turn++) {
            int index = (nextWorkflow + turn) % WORKFLOWS.size();
            DemoWorkflow workflow = WORKFLOWS.get(index);
            PlatformClient.WorkflowFacts facts = workflows.get(workflow.key());
            if (facts == null || unfinished.getOrDefault(workflow.key(), 0L) + facts.reviewersPerItem() > queueCap) {
                continue;
            }
            Optional<PlatformClient.ActiveSnapshot> snapshot = platform.activeSnapshot(workflow.key());
            if (snapshot.isEmpty()) {
                continue;
            }
            platform.submit(workflow.key(), snapshot.get().id(), predictions.next(workflow, snapshot.get().labelSpace()),
                    facts.inline() ? OptionalInt.of(INLINE_WAIT_MILLIS) : OptionalInt.empty());
            nextWorkflow = (index + 1) % WORKFLOWS.size();
            return;
        }
    }

    private void reportFailure(Exception e) {
        Instant now = clock.instant();
        if (now.isBefore(failuresQuietUntil)) {
            unreportedFailures++;
            return;
        }
        LOG.warning("Demo model: could not post a prediction (" + e + ")"
                + (unreportedFailures > 0 ? "; " + unreportedFailures + " earlier failure(s) not reported" : "")
                + "; it keeps trying and reports failures at most once a minute");
        unreportedFailures = 0;
        failuresQuietUntil = now.plus(FAILURE_REPORT_GAP);
    }

    private synchronized void scheduleNext() {
        if (stopped) {
            return;
        }
        long delay = ThreadLocalRandom.current().nextLong(intervalMillis, maxDelay() + 1);
        try {
            nextPost = scheduler.schedule(this::postAndScheduleNext, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the application is stopping and its executor takes no more work
            stopped = true;
        }
    }

    /** The server's own address: any interface it listens on, else the one it is bound to. */
    static String hostToCall(String httpHost) {
        if (List.of("*", "0.0.0.0", "::").contains(httpHost)) {
            return "localhost";
        }
        return httpHost.contains(":") ? "[" + httpHost + "]" : httpHost;
    }

    /** Gaps vary up to a third above the interval, so arrivals look like traffic, not a clock. */
    private long maxDelay() {
        return intervalMillis + intervalMillis / 3;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
