package io.oversight.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PreferenceTest {

    private static final List<Candidate> PAIR = List.of(new Candidate("left", "first output"),
            new Candidate("right", "second output"));

    @Test
    void sidesAreDrawnPerTaskAndStableForOneTask() {
        int swapped = 0;
        for (int i = 0; i < 2000; i++) {
            String task = UUID.randomUUID().toString();
            assertEquals(Preference.sidesSwapped(task), Preference.sidesSwapped(task));
            swapped += Preference.sidesSwapped(task) ? 1 : 0;
        }
        assertTrue(swapped > 850 && swapped < 1150, "about half the tasks show the second candidate as A: " + swapped);
    }

    @Test
    void anAnswerResolvesToTheCandidateShownOnThatSide() {
        String task = findTask(true);
        assertEquals("right", Preference.shown(PAIR, task, Preference.A).id());
        assertEquals("right", Preference.A.key(PAIR, task));
        assertEquals("left", Preference.B.key(PAIR, task));
        String straight = findTask(false);
        assertEquals("left", Preference.A.key(PAIR, straight));
        assertEquals(Preference.TIE_KEY, Preference.TIE.key(PAIR, straight));
        assertEquals(Preference.BOTH_BAD_KEY, Preference.BOTH_BAD.key(PAIR, straight));
        assertThrows(IllegalArgumentException.class, () -> Preference.shown(PAIR, straight, Preference.TIE));
    }

    private static String findTask(boolean swapped) {
        for (int i = 0; ; i++) {
            String task = "task-" + i;
            if (Preference.sidesSwapped(task) == swapped) {
                return task;
            }
        }
    }
}
