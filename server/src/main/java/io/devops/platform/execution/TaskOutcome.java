package io.devops.platform.execution;

import io.devops.platform.execution.RunContents.HostResult;
import java.util.List;

/**
 * What one task did: its status, exit code and message, and one result per node it ran on. A task
 * never claims more than its nodes: a task that a tool reports as succeeded (Ansible exits 0 when
 * a role ended a host early) is FAILED when any of its nodes did not succeed.
 */
record TaskOutcome(RunStatus status, Integer exitCode, String message, List<HostResult> hosts) {

    TaskOutcome {
        hosts = List.copyOf(hosts);
        long notSucceeded = hosts.stream().filter(host -> host.status() != RunStatus.SUCCEEDED).count();
        if (status == RunStatus.SUCCEEDED && notSucceeded > 0) {
            status = RunStatus.FAILED;
            message = notSucceeded + " of " + hosts.size() + " node(s) did not succeed";
        }
    }

    /** The same outcome with these succeeded nodes failed, each for its reason. */
    TaskOutcome failing(java.util.Map<Long, String> reasons) {
        if (reasons.isEmpty()) {
            return this;
        }
        List<HostResult> updated = hosts.stream().map(host -> host.status() == RunStatus.SUCCEEDED && reasons.containsKey(host.nodeId())
                ? new HostResult(host.nodeId(), host.ip(), RunStatus.FAILED, host.rc(), host.ok(), host.changed(), host.failed(),
                        host.skipped(), host.durationMs(), reasons.get(host.nodeId()))
                : host).toList();
        return new TaskOutcome(status, exitCode, message, updated);
    }

    /** The same outcome with more nodes' results. */
    TaskOutcome plus(List<HostResult> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<HostResult> all = new java.util.ArrayList<>(hosts);
        all.addAll(more);
        return new TaskOutcome(status, exitCode, message, all);
    }

    List<Long> nodesThatDidNotSucceed() {
        return hosts.stream().filter(host -> host.status() != RunStatus.SUCCEEDED).map(HostResult::nodeId).toList();
    }
}
