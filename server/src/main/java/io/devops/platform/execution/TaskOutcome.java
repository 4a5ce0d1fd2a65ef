package io.devops.platform.execution;

import io.devops.platform.execution.RunContents.HostResult;
import java.util.List;

/** What one task did: its status, exit code and message, and one result per node it ran on. */
record TaskOutcome(RunStatus status, Integer exitCode, String message, List<HostResult> hosts) {

    List<Long> nodesThatDidNotSucceed() {
        return hosts.stream().filter(host -> host.status() != RunStatus.SUCCEEDED).map(HostResult::nodeId).toList();
    }
}
