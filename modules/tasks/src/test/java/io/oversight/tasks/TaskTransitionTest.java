package io.oversight.tasks;

import static io.oversight.tasks.TaskStatus.CLAIMED;
import static io.oversight.tasks.TaskStatus.COMPLETED;
import static io.oversight.tasks.TaskStatus.ESCALATED;
import static io.oversight.tasks.TaskStatus.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskTransitionTest {

    @Test
    void theLifeCycleIsExactlyTheDocumentedOne() {
        Set<String> edges = new java.util.TreeSet<>();
        for (TaskStatus from : TaskStatus.values()) {
            for (TaskStatus to : TaskStatus.values()) {
                if (TaskTransition.allowed(from, to)) {
                    edges.add(from + "->" + to);
                }
            }
        }
        assertEquals(Set.of("OPEN->CLAIMED", "CLAIMED->OPEN", "CLAIMED->COMPLETED", "CLAIMED->ESCALATED", "OPEN->ESCALATED"),
                edges);
    }

    @Test
    void completedAndEscalatedAreFinalAndNothingReturnsToThem() {
        assertEquals(EnumSet.of(COMPLETED, ESCALATED), EnumSet.copyOf(
                java.util.Arrays.stream(TaskStatus.values()).filter(TaskStatus::isFinal).toList()));
        for (TaskStatus to : TaskStatus.values()) {
            assertFalse(TaskTransition.allowed(COMPLETED, to), "COMPLETED -> " + to);
            assertFalse(TaskTransition.allowed(ESCALATED, to), "ESCALATED -> " + to);
        }
        assertFalse(TaskTransition.allowed(OPEN, COMPLETED), "an open task is claimed before it is decided");
        assertEquals(java.util.List.of(TaskTransition.NO_REVIEWER_LEFT), java.util.Arrays.stream(TaskTransition.values())
                .filter(t -> t.from() == OPEN && t.to() == ESCALATED).toList(),
                "an open task ends unclaimed only when nobody is left to claim it");
    }

    @Test
    void sqlGuardsNameTheStatesTheTransitionConnects() {
        assertEquals("status = 'OPEN'", TaskTransition.CLAIM.guard());
        assertEquals("status = 'CLAIMED'", TaskTransition.CLAIM.assignment());
        for (TaskTransition t : TaskTransition.values()) {
            assertTrue(t.guard().endsWith("'" + t.from() + "'"), t.name());
            assertTrue(t.assignment().endsWith("'" + t.to() + "'"), t.name());
            assertFalse(t.from().isFinal(), t + " starts from a final status");
        }
    }
}
