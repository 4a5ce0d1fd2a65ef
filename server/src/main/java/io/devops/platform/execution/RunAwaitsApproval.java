package io.devops.platform.execution;

import java.time.Instant;
import java.util.List;

/**
 * Published when a run is created PENDING_APPROVAL (after the commit for transactional listeners):
 * who started it, on how many nodes, and why it waits. {@code jobId} is the job's id in the API.
 */
public record RunAwaitsApproval(long runId, long jobId, String jobName, String requestedBy, int nodeCount, List<String> reasons,
                                Instant at) {

    public RunAwaitsApproval {
        reasons = List.copyOf(reasons);
    }
}
