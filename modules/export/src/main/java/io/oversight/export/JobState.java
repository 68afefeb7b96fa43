package io.oversight.export;

/**
 * Life of an export job. {@code INTERRUPTED} is a job whose server stopped (its heartbeat went stale,
 * ADR 0015): it is never silently lost, and {@link ComplianceReports#restart} runs it again.
 */
public enum JobState {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED, INTERRUPTED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
