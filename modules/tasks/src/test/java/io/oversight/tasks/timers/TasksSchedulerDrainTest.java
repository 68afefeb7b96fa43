package io.oversight.tasks.timers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One tick of a draining job: everything due is done, unless the tick's time runs out first. */
class TasksSchedulerDrainTest {

    @Test
    void aTickSendsEveryDueDeliveryNotAFixedNumber() {
        AtomicInteger due = new AtomicInteger(500);
        AtomicLong clock = new AtomicLong();

        int sent = TasksScheduler.drain(() -> due.getAndUpdate(n -> Math.max(0, n - 1)) > 0, 1_000, clock::get);

        assertEquals(500, sent, "a backlog of 500 goes out in one tick (the old cap of 50 left 450 for later ticks)");
        assertEquals(0, due.get());
    }

    @Test
    void aTickStopsBetweenDeliveriesOnceItsTimeIsSpent() {
        AtomicInteger due = new AtomicInteger(500);
        AtomicLong clock = new AtomicLong();

        int sent = TasksScheduler.drain(() -> {
            clock.addAndGet(10); // each delivery takes 10 ns of the 100 ns budget
            return due.getAndDecrement() > 0;
        }, 100, clock::get);

        assertEquals(10, sent, "the tenth delivery spends the budget; the rest wait for the next tick");
        assertEquals(490, due.get());
    }

    @Test
    void nothingDueMeansOneLookAndNothingSent() {
        AtomicInteger looks = new AtomicInteger();

        int sent = TasksScheduler.drain(() -> {
            looks.incrementAndGet();
            return false;
        }, 1_000, System::nanoTime);

        assertEquals(0, sent);
        assertEquals(1, looks.get());
    }
}
