package io.devops.platform.execution.dispatch;

import io.devops.platform.execution.run.RunContents.HostResult;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What one task did: its status, exit code and message, and one result per node it ran on. A task
 * never claims more than its nodes: a task that a tool reports as succeeded (Ansible exits 0 when
 * a role ended a host early) is FAILED when any of its nodes did not succeed. {@code reportsFetched}:
 * the step's own playbook already fetched its declared reports (see {@link GeneratedPlaybooks#withReportCollection}).
 * {@code reportMasking}: hides the step's secrets in the report files its nodes wrote, as in its log.
 */
public record TaskOutcome(RunStatus status, Integer exitCode, String message, List<HostResult> hosts, boolean reportsFetched,
                          UnaryOperator<String> reportMasking) {

    public TaskOutcome(RunStatus status, Integer exitCode, String message, List<HostResult> hosts) {
        this(status, exitCode, message, hosts, false);
    }

    public TaskOutcome(RunStatus status, Integer exitCode, String message, List<HostResult> hosts, boolean reportsFetched) {
        this(status, exitCode, message, hosts, reportsFetched, UnaryOperator.identity());
    }

    public TaskOutcome {
        hosts = List.copyOf(hosts);
        reportMasking = reportMasking == null ? UnaryOperator.identity() : reportMasking;
        long notSucceeded = hosts.stream().filter(host -> host.status() != RunStatus.SUCCEEDED).count();
        if (status == RunStatus.SUCCEEDED && notSucceeded > 0) {
            status = RunStatus.FAILED;
            message = notSucceeded + " of " + hosts.size() + " node(s) did not succeed";
        }
    }

    /** The same outcome with these succeeded nodes failed, each for its reason. */
    public TaskOutcome failing(Map<Long, String> reasons) {
        if (reasons.isEmpty()) {
            return this;
        }
        List<HostResult> updated = hosts.stream().map(host -> host.status() == RunStatus.SUCCEEDED && reasons.containsKey(host.nodeId())
                ? new HostResult(host.nodeId(), host.ip(), RunStatus.FAILED, host.rc(), host.ok(), host.changed(), host.failed(),
                        host.skipped(), host.durationMs(), reasons.get(host.nodeId()))
                : host).toList();
        return new TaskOutcome(status, exitCode, message, updated, reportsFetched, reportMasking);
    }

    /** The same outcome, saying that the step's playbook fetched its reports. */
    TaskOutcome withReportsFetched() {
        return new TaskOutcome(status, exitCode, message, hosts, true, reportMasking);
    }

    /** The same outcome, its reports masked by {@code masking} when they are stored. */
    TaskOutcome withReportMasking(UnaryOperator<String> masking) {
        return new TaskOutcome(status, exitCode, message, hosts, reportsFetched, masking);
    }

    /** The same outcome with more nodes' results. */
    TaskOutcome plus(List<HostResult> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<HostResult> all = new ArrayList<>(hosts);
        all.addAll(more);
        return new TaskOutcome(status, exitCode, message, all, reportsFetched, reportMasking);
    }

    /** The same outcome with a FAILED result for each of these nodes that got none: no node's result is left open. */
    public TaskOutcome covering(List<RunNode> nodes) {
        Set<Long> reported = hosts.stream().map(HostResult::nodeId).collect(Collectors.toSet());
        List<HostResult> missing = nodes.stream().filter(node -> !reported.contains(node.nodeId()))
                .map(node -> new HostResult(node.nodeId(), node.ip(), RunStatus.FAILED, null, 0, 0, 0, 0, null,
                        "no result arrived for this node"))
                .toList();
        return plus(missing); // a SUCCEEDED status becomes FAILED, as for any failed node
    }
}
