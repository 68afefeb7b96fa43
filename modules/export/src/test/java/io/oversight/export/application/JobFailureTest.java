package io.oversight.export.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ConcurrentModificationException;
import org.junit.jupiter.api.Test;

class JobFailureTest {

    @Test
    void aReasonPeopleCanActOnIsShownAsItIs() {
        assertEquals("Workflow loans no longer exists.",
                JobFailure.describe("j1", new JobFailure("Workflow loans no longer exists.")));
    }

    @Test
    void aServerFaultNamesTheJobForTheLogButNoExceptionOrItsMessage() {
        String shown = JobFailure.describe("j1", new ConcurrentModificationException("internal detail"));
        assertTrue(shown.contains("job j1"), shown);
        assertFalse(shown.contains("Exception") || shown.contains("internal detail"), shown);
        String linkage = JobFailure.describe("j2", new NoClassDefFoundError("org/apache/pdfbox/Thing"));
        assertFalse(linkage.contains("Error") || linkage.contains("pdfbox"), linkage);
    }
}
