package io.devops.platform.execution.run;

import java.time.Instant;

/**
 * A run's own row: what ran, who started it, where it is executing and how it ended. {@code attempt}
 * counts its executions: each QUEUED → RUNNING starts the next one, which owns the run (see {@link RunFence}).
 */
public record RunRecord(long id, long jobId, long originalJobId, int jobVersion, String jobName, String failurePolicy,
                 RunStatus status, String message, String waitingReason, String executedBy, String executor,
                 int attempt, boolean cancelRequested, Long previousRunId, String kind, Instant queuedAt, Instant startedAt,
                 Instant finishedAt, Long durationMs) {

    /** STOP_NODE (the default) and CONTINUE: a failed node drops out, the others go on; only STOP ends the run. */
    public boolean continueOnFailure() {
        return "STOP_NODE".equals(failurePolicy) || "CONTINUE".equals(failurePolicy);
    }
}
