package io.devops.platform.execution.compare;

import io.devops.platform.acceptance.AcceptanceVerdicts.NodeVerdict;
import io.devops.platform.acceptance.CheckResult;
import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.catalog.PlannedStep;
import io.devops.platform.execution.run.RunContents.HostResult;
import io.devops.platform.execution.run.RunContents.RunItem;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunContents.RunTask;
import io.devops.platform.execution.run.RunRecord;
import io.devops.platform.execution.run.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A run of one item for comparison tests: its nodes, its steps (one task each) and each node's result. */
final class RunSideBuilder {

    private final long runId;
    private final List<RunNode> nodes = new ArrayList<>();
    private final List<RunTask> tasks = new ArrayList<>();
    private final Map<Long, List<HostResult>> results = new HashMap<>();
    private final List<NodeVerdict> verdicts = new ArrayList<>();

    private RunSideBuilder(long runId) {
        this.runId = runId;
    }

    static RunSideBuilder run(long runId) {
        return new RunSideBuilder(runId);
    }

    RunSideBuilder nodes(String... ips) {
        for (String ip : ips) {
            nodes.add(new RunNode(nodeId(ip), ip, "host-" + ip, 22, "root", 1, "pool", null, null));
        }
        return this;
    }

    RunSideBuilder step(String name) {
        long taskId = runId * 100 + tasks.size() + 1;
        tasks.add(new RunTask(taskId, tasks.size() + 1, "SHELL", "ANSIBLE", List.of(new PlannedStep(1, "SHELL", 1, name, 1)), null,
                null, List.of(), RunStatus.SUCCEEDED, null, null, null, null, null));
        return this;
    }

    /** The result of the last step on a node. */
    RunSideBuilder result(String ip, RunStatus status, long durationMs, String message) {
        RunTask task = tasks.get(tasks.size() - 1);
        results.computeIfAbsent(task.id(), id -> new ArrayList<>())
                .add(new HostResult(nodeId(ip), ip, status, 0, 1, 0, 0, 0, durationMs, message));
        return this;
    }

    RunSideBuilder verdict(String ip, String check, CheckVerdict verdict, Double measured) {
        verdicts.add(new NodeVerdict(nodeId(ip), ip, runId, null, CheckResult.measured(check, verdict, measured, 180.0, "GB/s", check),
                Instant.EPOCH, null, null));
        return this;
    }

    RunSide build() {
        RunRecord run = new RunRecord(runId, 7, 7, 1, "delivery", "CONTINUE", RunStatus.SUCCEEDED, null, null, "admin", null, 1,
                false, null, "JOB", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, 1_000L);
        RunItem item = new RunItem(runId, 1, 3, "driver", 1, nodes, tasks);
        return new RunSide(run, List.of(item), results, verdicts);
    }

    static long nodeId(String ip) {
        return Long.parseLong(ip.substring(ip.lastIndexOf('.') + 1));
    }
}
