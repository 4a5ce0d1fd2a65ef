package io.devops.platform.execution;

import java.time.Instant;

/** A run's own row: what ran, who started it, where it is executing and how it ended. */
record RunRecord(long id, long jobId, long originalJobId, int jobVersion, String jobName, String failurePolicy,
                 RunStatus status, String message, String waitingReason, String executedBy, String executor,
                 boolean cancelRequested, Long previousRunId, String kind, Instant queuedAt, Instant startedAt,
                 Instant finishedAt, Long durationMs) {

    boolean continueOnFailure() {
        return "CONTINUE".equals(failurePolicy);
    }
}
