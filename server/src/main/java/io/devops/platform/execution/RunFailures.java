package io.devops.platform.execution;

import io.devops.platform.execution.RunContents.HostResult;
import io.devops.platform.execution.RunContents.RunItem;
import io.devops.platform.execution.RunContents.RunNode;
import io.devops.platform.execution.RunContents.RunTask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which nodes of a run did not get through every step of their item. */
final class RunFailures {

    private final RunContents contents;

    RunFailures(RunContents contents) {
        this.contents = contents;
    }

    Map<Long, List<Long>> failedNodesByItem(long runId) {
        Map<Long, List<HostResult>> results = contents.hostResults(runId);
        Map<Long, List<Long>> failed = new LinkedHashMap<>();
        for (RunItem item : contents.items(runId)) {
            failed.put(item.id(), item.nodes().stream().map(RunNode::nodeId)
                    .filter(node -> !succeededEverywhere(node, item.tasks(), results)).toList());
        }
        return failed;
    }

    private static boolean succeededEverywhere(long nodeId, List<RunTask> tasks, Map<Long, List<HostResult>> results) {
        return tasks.stream().allMatch(task -> results.getOrDefault(task.id(), List.of()).stream()
                .anyMatch(result -> result.nodeId() == nodeId && result.status() == RunStatus.SUCCEEDED));
    }
}
