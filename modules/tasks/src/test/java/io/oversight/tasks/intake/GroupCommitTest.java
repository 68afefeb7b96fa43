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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

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

    private static String answer(CompletableFuture<String> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static Throwable refusal(CompletableFuture<String> future) {
        return assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS)).getCause();
    }

    /** Starts "first" on a thread of its own and returns once its group is being written (and held). */
    private static CompletableFuture<CompletableFuture<String>> leaderHeld(GroupCommit<String, String> commit, FakeWriter writer) {
        CompletableFuture<CompletableFuture<String>> leader = CompletableFuture.supplyAsync(() -> commit.submit("first"));
        await(writer.firstGroupStarted);
        return leader;
    }

    @Test
    void aRequestArrivingWhenNothingIsWrittenIsWrittenAloneAtOnceOnItsOwnThread() throws Exception {
        FakeWriter writer = new FakeWriter().notHolding();
        GroupCommit<String, String> commit = new GroupCommit<>(200, writer);

        CompletableFuture<String> answer = commit.submit("a");

        assertTrue(answer.isDone(), "answered before submit returns: no added wait when idle");
        assertEquals("A", answer(answer));
        assertEquals(List.of(List.of("a")), writer.groups);
        assertSame(Thread.currentThread(), writer.writers.get(0));
    }

    @Test
    void requestsArrivingWhileAGroupIsWrittenAreWrittenTogetherNextAndAnsweredOnlyThen() throws Exception {
        FakeWriter writer = new FakeWriter();
        GroupCommit<String, String> commit = new GroupCommit<>(200, writer);
        var leader = leaderHeld(commit, writer);

        CompletableFuture<String> b = commit.submit("b");
        CompletableFuture<String> c = commit.submit("c");
        CompletableFuture<String> d = commit.submit("d");
        assertFalse(b.isDone() || c.isDone() || d.isDone(), "nobody is answered before their group is written");
        writer.releaseFirstGroup.countDown();

        assertEquals("FIRST", answer(leader.get(10, TimeUnit.SECONDS)));
        assertEquals(List.of("B", "C", "D"), List.of(answer(b), answer(c), answer(d)));
        assertEquals(List.of(List.of("first"), List.of("b", "c", "d")), writer.groups);
        assertSame(writer.writers.get(0), writer.writers.get(1), "the thread that wrote a group writes the next");
    }

    @Test
    void aGroupNeverHoldsMoreThanTheBound() throws Exception {
        FakeWriter writer = new FakeWriter();
        GroupCommit<String, String> commit = new GroupCommit<>(2, writer);
        var leader = leaderHeld(commit, writer);

        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (String r : List.of("b", "c", "d", "e", "f")) {
            answers.add(commit.submit(r));
        }
        writer.releaseFirstGroup.countDown();

        answer(leader.get(10, TimeUnit.SECONDS));
        for (CompletableFuture<String> a : answers) {
            answer(a);
        }
        assertEquals(List.of(List.of("first"), List.of("b", "c"), List.of("d", "e"), List.of("f")), writer.groups);
    }

    @Test
    void aFailedGroupIsWrittenAgainOneByOneSoOnlyTheGuiltyRequestFails() throws Exception {
        FakeWriter writer = new FakeWriter();
        GroupCommit<String, String> commit = new GroupCommit<>(200, writer);
        var leader = leaderHeld(commit, writer);

        CompletableFuture<String> b = commit.submit("b");
        CompletableFuture<String> bad = commit.submit("bad");
        CompletableFuture<String> c = commit.submit("c");
        writer.releaseFirstGroup.countDown();

        answer(leader.get(10, TimeUnit.SECONDS));
        assertEquals("B", answer(b));
        assertEquals("C", answer(c));
        assertEquals("bad refused alone", refusal(bad).getMessage(), "its own answer, as if it had come alone");
        assertEquals(List.of("b", "bad", "c"), writer.alone);
    }

    @Test
    void aFailedRequestWrittenAloneIsAnsweredWithItsFailureAndNotWrittenTwice() {
        FakeWriter writer = new FakeWriter().notHolding();
        GroupCommit<String, String> commit = new GroupCommit<>(200, writer);

        assertEquals("unique key violated", refusal(commit.submit("bad")).getMessage());
        assertEquals(List.of(), writer.alone);
    }

    @Test
    void aRequestRefusedWithinAGroupFailsAloneWhileTheOthersAreStored() throws Exception {
        FakeWriter writer = new FakeWriter();
        GroupCommit<String, String> commit = new GroupCommit<>(200, writer);
        var leader = leaderHeld(commit, writer);

        CompletableFuture<String> b = commit.submit("b");
        CompletableFuture<String> conflict = commit.submit("conflict-b");
        writer.releaseFirstGroup.countDown();

        answer(leader.get(10, TimeUnit.SECONDS));
        assertEquals("B", answer(b));
        assertEquals("conflict-b refused", refusal(conflict).getMessage());
        assertEquals(List.of(List.of("first"), List.of("b", "conflict-b")), writer.groups);
        assertEquals(List.of(), writer.alone, "a refusal within a group is an answer, not a failed transaction");
    }

    @Test
    void afterAGroupTheNextIdleRequestStartsAFreshGroupAtOnce() throws Exception {
        FakeWriter writer = new FakeWriter().notHolding();
        GroupCommit<String, String> commit = new GroupCommit<>(200, writer);

        answer(commit.submit("a"));
        CompletableFuture<String> b = commit.submit("b");

        assertTrue(b.isDone());
        assertEquals(List.of(List.of("a"), List.of("b")), writer.groups);
    }
}
