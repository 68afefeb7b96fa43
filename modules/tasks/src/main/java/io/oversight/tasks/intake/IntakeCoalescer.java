package io.oversight.tasks.intake;

import io.oversight.ledger.Actor;
import io.oversight.tasks.intake.IntakeService.CheckedPrediction;
import io.oversight.tasks.intake.IntakeService.Pending;
import io.oversight.tasks.intake.IntakeService.Submission;
import io.oversight.tasks.settings.TasksConfiguration;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Single predictions of one workflow that arrive together are written together: one transaction, one
 * client-key lookup, one batch of inserts for the whole group, instead of one of each per prediction,
 * whose fixed cost dominates a single prediction's intake (ADR 0052). Each caller is answered after
 * its group committed, with the answer it would have had alone. The first prediction of a burst is
 * written on its own request thread, the groups that queue behind it on the server's managed executor.
 * {@code oversight.intake.coalesceMax} bounds a group; 1 writes every prediction alone, on its own thread.
 */
@ApplicationScoped
public class IntakeCoalescer {

    @Inject
    IntakeService intake;

    @Inject
    TasksConfiguration configuration;

    /** Writes the groups that queued behind the one a request's own thread wrote. */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private final Map<String, GroupCommit<Pending, Submission>> byWorkflow = new ConcurrentHashMap<>();

    /**
     * Writes a checked prediction of the workflow, named in the ledger as {@code caller}'s; {@code answer}
     * gets the submission after its transaction committed, or its refusal (a reused client key's 409).
     */
    public void submit(String workflowKey, CheckedPrediction prediction, Actor caller,
            BiConsumer<Submission, Throwable> answer) {
        Pending pending = new Pending(prediction, caller);
        int maxGroup = configuration.intakeCoalesceMax();
        if (maxGroup <= 1) {
            Submission submission;
            try {
                submission = intake.writeOne(workflowKey, pending);
            } catch (RuntimeException refused) {
                answer.accept(null, refused);
                return;
            }
            answer.accept(submission, null);
            return;
        }
        byWorkflow.computeIfAbsent(workflowKey, key -> new GroupCommit<>(maxGroup, new GroupCommit.Writer<>() {
            @Override
            public List<GroupCommit.Outcome<Submission>> writeGroup(List<Pending> group) {
                return intake.writeGroup(key, group);
            }

            @Override
            public Submission writeOne(Pending request) {
                return intake.writeOne(key, request);
            }
        }, executor)).submit(pending, answer);
    }
}
