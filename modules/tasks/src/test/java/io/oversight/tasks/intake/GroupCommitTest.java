package io.oversight.tasks.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** Writes the groups queued behind the first, on a thread of its own that the tests can recognise. */
    private final ExecutorService handOff = Executors.newSingleThreadExecutor(r -> new Thread(r, "hand-off"));

    /** An executor for a writer that must never hand anything off. */
    private static final Executor NO_HAND_OFF = task -> {
        throw new AssertionError("nothing queued, so nothing is handed off");
    };

    @AfterEach
    void stopHandOff() {
        handOff.shutdownNow();
    }

    /**
     * Writes "x" as "X", refuses a request starting with "conflict" on its own, and fails a whole group
     * holding "bad" (as a transaction rolled back by one member's unique-key clash would), and "bad" alone.
     * The first group written is held open until released, so that others arrive while it is being written.
     */
    private static final class FakeWriter implements GroupCommit.Writer<String, String> {
        final List<List<String>> groups = new ArrayList<>();
        final List<String> alone = new ArrayList<>();
        final List<Thread> writers = new ArrayList<>();
        final CountDownLatch firstGroupStarted = new CountDownLatch(1);
        final CountDownLatch releaseFirstGroup = new CountDownLatch(1);

        FakeWriter notHolding() {
            releaseFirstGroup.countDown();
            return this;
        }

        @Override
        public synchronized List<GroupCommit.Outcome<String>> writeGroup(List<String> group) {
            groups.add(group);
            writers.add(Thread.currentThread());
            firstGroupStarted.countDown();
            await(releaseFirstGroup);
            if (group.contains("bad")) {
                throw new IllegalStateException("unique key violated");
            }
            return group.stream().map(r -> r.startsWith("conflict")
                    ? GroupCommit.Outcome.<String>refused(new IllegalArgumentException(r + " refused"))
                    : GroupCommit.Outcome.of(r.toUpperCase())).toList();
        }

        @Override
        public synchronized String writeOne(String request) {
            alone.add(request);
            if (request.equals("bad")) {
                throw new IllegalStateException("bad refused alone");
            }
            return request.toUpperCase();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Submits the request; the returned future completes when the commit calls back with its answer. */
    private static CompletableFuture<String> submit(GroupCommit<String, String> commit, String request) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        commit.submit(request, completing(answer));
        return answer;
    }

    private static BiConsumer<String, Throwable> completing(CompletableFuture<String> answer) {
        return (value, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(value);
            }
        };
    }

    private static String answer(CompletableFuture<String> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static Throwable refusal(CompletableFuture<String> future) {
        return assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS)).getCause();
    }

    /** Starts "first" on a thread of its own and returns once its group is being written (and held). */
    private static CompletableFuture<String> leaderHeld(GroupCommit<String, String> commit, FakeWriter writer) {
        CompletableFuture<String> leader = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> commit.submit("first", completing(leader)));
        await(writer.firstGroupStarted);
        return leader;
    }

    @Test
    void aRequestArrivingWhenNothingIsWrittenIsWrittenAloneAtOnceOnItsOwnThread() throws Exception {
        FakeWriter writer = new FakeWriter().notHolding();
        GroupCommit<String, String> commit = new GroupCommit<>(200, writer, NO_HAND_OFF);

        CompletableFuture<String> answer = submit(commit, "a");

        assertTrue(answer.isDone(), "answered before submit returns: no added wait when idle");
        assertEquals("A", answer(answer));
        assertEquals(List.of(List.of("a")), writer.groups);
        assertSame(Thread.currentThread(), writer.writers.get(0));
    }

    @Test
    void requestsArrivingWhileAGroupIsWrittenAreWrittenTogetherNextAndAnsweredOnlyThen() throws Exception {
        FakeWriter writer = new FakeWriter();
        GroupCommit<String, String> commit = new GroupCommit<>(200, writer, handOff);
        var leader = leaderHeld(commit, writer);

        CompletableFuture<String> b = submit(commit, "b");
        CompletableFuture<String> c = submit(commit, "c");
        CompletableFuture<String> d = submit(commit, "d");
        assertFalse(b.isDone() || c.isDone() || d.isDone(), "nobody is answered before their group is written");
        writer.releaseFirstGroup.countDown();

        assertEquals("FIRST", answer(leader));
        assertEquals(List.of("B", "C", "D"), List.of(answer(b), answer(c), answer(d)));
        assertEquals(List.of(List.of("first"), List.of("b", "c", "d")), writer.groups);
        assertEquals("hand-off", writer.writers.get(1).getName(),
                "the groups queued behind the first are written on the hand-off executor, not by the first request's thread");
    }

    @Test
    void theCallerWhoseRequestStartedTheWritingIsAnsweredBeforeTheGroupsQueuedBehindIt() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<String> leader = new CompletableFuture<>();
        List<Boolean> leaderAnsweredWhenTheNextGroupWasWritten = new ArrayList<>();
        GroupCommit<String, String> commit = new GroupCommit<>(200, new GroupCommit.Writer<>() {
            @Override
            public List<GroupCommit.Outcome<String>> writeGroup(List<String> group) {
                if (group.contains("first")) {
                    firstStarted.countDown();
                    await(releaseFirst);
                } else {
                    leaderAnsweredWhenTheNextGroupWasWritten.add(leader.isDone());
                }
                return group.stream().map(GroupCommit.Outcome::of).toList();
            }

            @Override
            public String writeOne(String request) {
                return request;
            }
        }, handOff);
        CompletableFuture.runAsync(() -> commit.submit("first", completing(leader)));
        await(firstStarted);

        CompletableFuture<String> next = submit(commit, "next");
        releaseFirst.countDown();

        assertEquals("next", answer(next));
        assertEquals(List.of(true), leaderAnsweredWhenTheNextGroupWasWritten,
                "the caller whose request started the writing is not kept waiting for later groups");
    }

    @Test
    void aGroupNeverHoldsMoreThanTheBound() throws Exception {
        FakeWriter writer = new FakeWriter();
        GroupCommit<String, String> commit = new GroupCommit<>(2, writer, handOff);
        var leader = leaderHeld(commit, writer);

        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (String r : List.of("b", "c", "d", "e", "f")) {
            answers.add(submit(commit, r));
        }
        writer.releaseFirstGroup.countDown();

        answer(leader);
        for (CompletableFuture<String> a : answers) {
            answer(a);
        }
        assertEquals(List.of(List.of("first"), List.of("b", "c"), List.of("d", "e"), List.of("f")), writer.groups);
    }

    @Test
    void aFailedGroupIsWrittenAgainOneByOneSoOnlyTheGuiltyRequestFails() throws Exception {
        FakeWriter writer = new FakeWriter();
        GroupCommit<String, String> commit = new GroupCommit<>(200, writer, handOff);
        var leader = leaderHeld(commit, writer);

        CompletableFuture<String> b = submit(commit, "b");
        CompletableFuture<String> bad = submit(commit, "bad");
        CompletableFuture<String> c = submit(commit, "c");
        writer.releaseFirstGroup.countDown();

        answer(leader);
        assertEquals("B", answer(b));
        assertEquals("C", answer(c));
        assertEquals("bad refused alone", refusal(bad).getMessage(), "its own answer, as if it had come alone");
        assertEquals(List.of("b", "bad", "c"), writer.alone);
    }

    @Test
    void aFailedRequestWrittenAloneIsAnsweredWithItsFailureAndNotWrittenTwice() {
        FakeWriter writer = new FakeWriter().notHolding();
        GroupCommit<String, String> commit = new GroupCommit<>(200, writer, NO_HAND_OFF);

        assertEquals("unique key violated", refusal(submit(commit, "bad")).getMessage());
        assertEquals(List.of(), writer.alone);
    }

    @Test
    void aRequestRefusedWithinAGroupFailsAloneWhileTheOthersAreStored() throws Exception {
        FakeWriter writer = new FakeWriter();
        GroupCommit<String, String> commit = new GroupCommit<>(200, writer, handOff);
        var leader = leaderHeld(commit, writer);

        CompletableFuture<String> b = submit(commit, "b");
        CompletableFuture<String> conflict = submit(commit, "conflict-b");
        writer.releaseFirstGroup.countDown();

        answer(leader);
        assertEquals("B", answer(b));
        assertEquals("conflict-b refused", refusal(conflict).getMessage());
        assertEquals(List.of(List.of("first"), List.of("b", "conflict-b")), writer.groups);
        assertEquals(List.of(), writer.alone, "a refusal within a group is an answer, not a failed transaction");
    }

    @Test
    void afterAGroupTheNextIdleRequestStartsAFreshGroupAtOnce() throws Exception {
        FakeWriter writer = new FakeWriter().notHolding();
        GroupCommit<String, String> commit = new GroupCommit<>(200, writer, NO_HAND_OFF);

        answer(submit(commit, "a"));
        CompletableFuture<String> b = submit(commit, "b");

        assertTrue(b.isDone());
        assertEquals(List.of(List.of("a"), List.of("b")), writer.groups);
    }
}
