package io.devops.platform.execution;

import java.time.Instant;

/**
 * Published once when a run reaches a final status, by the move that put it there; listeners that
 * act on it after the commit ({@code @TransactionalEventListener}) see the run's final rows.
 * {@code jobId} is the job's id in the API ({@code /api/v1/jobs/{id}}); {@code startedAt} is null
 * for a run that never started (cancelled while queued).
 */
public record RunEnded(long runId, long jobId, Outcome status, Instant startedAt, Instant endedAt) {

    /** The final statuses of a run. */
    public enum Outcome {
        SUCCEEDED, FAILED, CANCELLED, INTERRUPTED
    }
}
