package io.devops.platform.execution;

import java.time.Instant;
import java.util.List;

/**
 * How a run ended, in the words a person reads on a phone: the job, the status, how long it took,
 * how many nodes did not get through (and the first of them, each with the step where it stopped
 * and that step's message there). {@code failedNodes} holds at most the number asked for;
 * {@code failedNodeCount} counts them all.
 */
public record RunOutcome(long runId, long jobId, String jobName, int jobVersion, String status, String message,
                         Instant startedAt, Instant endedAt, Long durationMs, int nodeCount, int failedNodeCount,
                         List<FailedNode> failedNodes) {

    public RunOutcome {
        failedNodes = List.copyOf(failedNodes);
    }

    /** A node that did not get through: its status there (FAILED, UNREACHABLE, ...) and why. */
    public record FailedNode(long nodeId, String ip, String hostname, String step, String status, String message) {
    }
}
