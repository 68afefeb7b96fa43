package io.oversight.simulator.experiments;

import io.oversight.simulator.corpus.Message;
import io.oversight.simulator.platform.AdjudicationCase;
import io.oversight.simulator.platform.ClaimedTask;
import io.oversight.simulator.platform.Credentials;
import io.oversight.simulator.platform.Platform;
import io.oversight.simulator.platform.ReviewerPausedException;
import io.oversight.simulator.reviewers.SimulatedReviewer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulated people working a harness workflow through the review API: in rounds, every reviewer
 * who is not paused claims a few tasks and answers each from the message's true label as their
 * accuracy and behaviour say; then the adjudicator settles every disagreement. Stops when a whole
 * round found nothing to do.
 *
 * <p>A reviewer's answer on a message depends only on the seed, the reviewer and the message, not
 * on the order the platform hands out work, so reruns give the same answers.
 */
final class ReviewCrew implements AutoCloseable {

    private final Platform platform;
    private final Map<String, Message> messages;
    private final Map<SimulatedReviewer, Credentials> reviewers = new LinkedHashMap<>();
    private final SimulatedReviewer adjudicator;
    private final Credentials adjudicatorCredentials;
    private final long seed;
    private final int claimBatch;
    private final ExecutorService pool;

    /**
     * @param claimBatch tasks claimed per call; the platform draws gold per claim call, so a workflow
     *                   that serves gold items is worked one task per claim
     */
    ReviewCrew(Platform platform, Map<String, Message> messages, List<SimulatedReviewer> panel,
            SimulatedReviewer adjudicator, long seed, int claimBatch) {
        this.platform = platform;
        this.messages = messages;
        for (SimulatedReviewer reviewer : panel) {
            reviewers.put(reviewer, platform.ensureAccount(reviewer.login(), "Simulated reviewer " + reviewer.login(), "reviewer"));
        }
        this.adjudicator = adjudicator;
        this.adjudicatorCredentials = platform.ensureAccount(adjudicator.login(), "Simulated adjudicator", "adjudicator", "reviewer");
        this.seed = seed;
        this.claimBatch = claimBatch;
        this.pool = Executors.newFixedThreadPool(Math.min(4, Math.max(1, panel.size())));
    }

    /** Everyone the workflow must qualify. */
    List<Credentials> people() {
        List<Credentials> people = new ArrayList<>(reviewers.values());
        people.add(adjudicatorCredentials);
        return people;
    }

    /** Works the workflow's queue and adjudication queue until both are empty. */
    Work work(String workflowKey) {
        Work work = new Work();
        boolean busy = true;
        while (busy) {
            List<Future<Integer>> round = new ArrayList<>();
            for (Map.Entry<SimulatedReviewer, Credentials> reviewer : reviewers.entrySet()) {
                if (!work.paused.contains(reviewer.getKey().login())) {
                    round.add(pool.submit(() -> reviewBatch(workflowKey, reviewer.getKey(), reviewer.getValue(), work)));
                }
            }
            int done = 0;
            for (Future<Integer> batch : round) {
                done += join(batch);
            }
            done += adjudicateAll(workflowKey, work);
            busy = done > 0;
        }
        return work;
    }

    private int reviewBatch(String workflowKey, SimulatedReviewer reviewer, Credentials credentials, Work work) {
        List<ClaimedTask> tasks;
        try {
            tasks = platform.claim(credentials, workflowKey, claimBatch);
        } catch (ReviewerPausedException e) {
            work.paused.add(reviewer.login());
            return 0;
        }
        for (ClaimedTask task : tasks) {
            Message message = message(task.messageId());
            String label = reviewer.answer(message.label(), task.predictedLabel(), answerRandom(reviewer.login(), message.id()));
            platform.complete(credentials, task, label);
            work.completions.incrementAndGet();
            work.completionsByReviewer.merge(reviewer.login(), 1, Integer::sum);
            work.completionsByMessage.merge(message.id(), 1, Integer::sum);
        }
        return tasks.size();
    }

    private int adjudicateAll(String workflowKey, Work work) {
        int decided = 0;
        Optional<AdjudicationCase> next;
        while ((next = platform.claimAdjudication(adjudicatorCredentials, workflowKey)).isPresent()) {
            AdjudicationCase adjudication = next.get();
            Message message = message(adjudication.messageId());
            platform.adjudicate(adjudicatorCredentials, adjudication,
                    adjudicator.answer(message.label(), adjudication.predictedLabel(), answerRandom(adjudicator.login(), message.id())));
            decided++;
            work.adjudications.incrementAndGet();
            work.adjudicatedMessages.add(message.id());
        }
        return decided;
    }

    private Message message(String id) {
        Message message = messages.get(id);
        if (message == null) {
            throw new IllegalStateException("a task names message " + id + ", which this run did not post");
        }
        return message;
    }

    private Random answerRandom(String login, String messageId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((seed + "|" + login + "|" + messageId).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return new Random(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int join(Future<Integer> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reviewers worked", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** What the crew did on one workflow. */
    static final class Work {
        final AtomicInteger completions = new AtomicInteger();
        final AtomicInteger adjudications = new AtomicInteger();
        final Map<String, Integer> completionsByReviewer = new ConcurrentHashMap<>();
        /** By corpus message id: gold tasks count under their gold message. */
        final Map<String, Integer> completionsByMessage = new ConcurrentHashMap<>();
        final Set<String> adjudicatedMessages = ConcurrentHashMap.newKeySet();
        final Set<String> paused = ConcurrentHashMap.newKeySet();
    }
}
