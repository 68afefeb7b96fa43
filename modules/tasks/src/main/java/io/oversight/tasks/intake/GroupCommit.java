package io.oversight.tasks.intake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

/**
 * Group commit for one stream of requests (one workflow's single predictions): a request that arrives
 * while no group is being written is written at once, on its own thread, so an idle server adds no
 * wait; requests that arrive while a group is being written queue and are written next, as one group
 * of at most {@code maxGroup}, until none wait. Those later groups are written on {@code handOff}, so
 * the thread whose request started the writing returns, and its caller is answered, after its own
 * group. Each request's answer is given only after its group's write returned, that is after its
 * transaction committed.
 *
 * <p>A group whose write fails (its transaction rolled back: nothing of it is stored) must not fail its
 * innocent members, so each is written again alone and gets its own answer. Plain Java: the writer and
 * the hand-off executor are the only dependencies.
 */
final class GroupCommit<T, R> {

    /** Writes requests: a whole group in one transaction, or one alone. */
    interface Writer<T, R> {

        /**
         * One outcome per request, in order (a request may be refused on its own, e.g. a client key reused
         * for another prediction); throws when the group's transaction failed, and then nothing is stored.
         */
        List<Outcome<R>> writeGroup(List<T> group);

        /** The answer the request would have had without coalescing; throws its refusal. */
        R writeOne(T request);
    }

    /** What one request of a written group gets: a value, or its own refusal. */
    record Outcome<R>(R value, RuntimeException refusal) {

        static <R> Outcome<R> of(R value) {
            return new Outcome<>(value, null);
        }

        static <R> Outcome<R> refused(RuntimeException refusal) {
            return new Outcome<>(null, refusal);
        }
    }

    private record Waiting<T, R>(T request, CompletableFuture<R> answer) {
    }

    private final int maxGroup;
    private final Writer<T, R> writer;
    private final Executor handOff;
    private final ArrayDeque<Waiting<T, R>> pending = new ArrayDeque<>();
    private boolean writing;

    GroupCommit(int maxGroup, Writer<T, R> writer, Executor handOff) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("a group holds at least one request, not " + maxGroup);
        }
        this.maxGroup = maxGroup;
        this.writer = writer;
        this.handOff = handOff;
    }

    /**
     * Queues the request; when no other thread is writing, writes it at once, and hands whatever queued
     * meanwhile to the hand-off executor. {@code answer} is called once, after the request's transaction
     * committed (with its value) or with its refusal, on the thread that wrote its group.
     */
    void submit(T request, BiConsumer<? super R, ? super Throwable> answer) {
        CompletableFuture<R> answered = new CompletableFuture<>();
        answered.whenComplete(answer);
        synchronized (this) {
            pending.add(new Waiting<>(request, answered));
            if (writing) {
                return;
            }
            writing = true;
        }
        if (writeNextGroup()) {
            try {
                handOff.execute(this::writeUntilNoneWait);
            } catch (RejectedExecutionException shuttingDown) {
                writeUntilNoneWait();
            }
        }
    }

    private void writeUntilNoneWait() {
        while (writeNextGroup()) {
            // each call writes one group
        }
    }

    /**
     * Writes the next group of waiting requests. True when more wait, and the calling thread keeps the
     * writer role; false when none wait and it gave the role up.
     */
    private boolean writeNextGroup() {
        List<Waiting<T, R>> group = new ArrayList<>();
        synchronized (this) {
            while (group.size() < maxGroup && !pending.isEmpty()) {
                group.add(pending.poll());
            }
        }
        try {
            write(group);
        } catch (Error fatal) {
            // the writer role must not die with this thread: nobody would ever answer the queued requests
            List<Waiting<T, R>> unanswered = new ArrayList<>(group);
            synchronized (this) {
                unanswered.addAll(pending);
                pending.clear();
                writing = false;
            }
            unanswered.forEach(w -> w.answer().completeExceptionally(fatal));
            throw fatal;
        }
        synchronized (this) {
            if (pending.isEmpty()) {
                writing = false;
                return false;
            }
            return true;
        }
    }

    private void write(List<Waiting<T, R>> group) {
        List<Outcome<R>> outcomes;
        try {
            outcomes = writer.writeGroup(group.stream().map(Waiting::request).toList());
        } catch (RuntimeException failed) {
            if (group.size() == 1) {
                group.get(0).answer().completeExceptionally(failed);
            } else {
                group.forEach(this::writeAlone);
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            Outcome<R> outcome = outcomes.get(i);
            if (outcome.refusal() != null) {
                group.get(i).answer().completeExceptionally(outcome.refusal());
            } else {
                group.get(i).answer().complete(outcome.value());
            }
        }
    }

    private void writeAlone(Waiting<T, R> waiting) {
        try {
            waiting.answer().complete(writer.writeOne(waiting.request()));
        } catch (RuntimeException refused) {
            waiting.answer().completeExceptionally(refused);
        }
    }
}
