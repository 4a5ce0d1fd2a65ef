package io.devops.platform.execution.run;

import io.devops.platform.execution.run.RunContents.HostResult;
import io.devops.platform.execution.run.RunContents.RunItem;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunContents.RunTask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which nodes of a run did not get through every step of their item. A node succeeded the run only
 * if every step succeeded on it (in the run's latest execution or an earlier one it resumed): the
 * run's status, its detail ({@code items[].nodes[].status}) and {@code rerun-failed} all ask here.
 */
public final class RunFailures {

    private final RunContents contents;

    public RunFailures(RunContents contents) {
        this.contents = contents;
    }

    public Map<Long, List<Long>> failedNodesByItem(long runId) {
        Map<Long, List<HostResult>> results = contents.hostResults(runId);
        Map<Long, List<Long>> failed = new LinkedHashMap<>();
        for (RunItem item : contents.items(runId)) {
            Map<Long, RunStatus> outcomes = outcomes(item, results);
            failed.put(item.id(), item.nodes().stream().map(RunNode::nodeId)
                    .filter(node -> outcomes.get(node) != RunStatus.SUCCEEDED).toList());
        }
        return failed;
    }

    /**
     * Each node's status in its item: SUCCEEDED only when every step succeeded on it; otherwise its
     * status in the first step that did not (FAILED, UNREACHABLE, SKIPPED, CANCELLED, INTERRUPTED,
     * or QUEUED or RUNNING while the run goes on). A step that has no row for the node speaks for
     * it, except a SUCCEEDED one: the node did not take part in it, so it is SKIPPED.
     */
    static Map<Long, RunStatus> outcomes(RunItem item, Map<Long, List<HostResult>> results) {
        Map<Long, Map<Long, RunStatus>> byTask = new HashMap<>();
        for (RunTask task : item.tasks()) {
            Map<Long, RunStatus> rows = new HashMap<>();
            results.getOrDefault(task.id(), List.of()).forEach(result -> rows.put(result.nodeId(), result.status()));
            byTask.put(task.id(), rows);
        }
        Map<Long, RunStatus> outcomes = new LinkedHashMap<>();
        for (RunNode node : item.nodes()) {
            RunStatus outcome = RunStatus.SUCCEEDED;
            for (RunTask task : item.tasks()) {
                RunStatus own = byTask.get(task.id()).getOrDefault(node.nodeId(),
                        task.status() == RunStatus.SUCCEEDED ? RunStatus.SKIPPED : task.status());
                if (own != RunStatus.SUCCEEDED) {
                    outcome = own;
                    break;
                }
            }
            outcomes.put(node.nodeId(), outcome);
        }
        return outcomes;
    }

    /**
     * Where each node that did not get through its item stopped: the first step that did not
     * succeed on it, with its own message there (else the step's), in item and node order.
     */
    public List<NodeFailure> firstFailures(long runId) {
        Map<Long, List<HostResult>> results = contents.hostResults(runId);
        List<NodeFailure> failures = new ArrayList<>();
        for (RunItem item : contents.items(runId)) {
            for (RunNode node : item.nodes()) {
                firstFailure(item, node, results).ifPresent(failures::add);
            }
        }
        return failures;
    }

    private static Optional<NodeFailure> firstFailure(RunItem item, RunNode node, Map<Long, List<HostResult>> results) {
        for (RunTask task : item.tasks()) {
            HostResult own = results.getOrDefault(task.id(), List.of()).stream()
                    .filter(result -> result.nodeId() == node.nodeId()).findFirst().orElse(null);
            RunStatus status = own != null ? own.status() : task.status() == RunStatus.SUCCEEDED ? RunStatus.SKIPPED : task.status();
            if (status != RunStatus.SUCCEEDED) {
                String message = own != null && own.message() != null && !own.message().isBlank() ? own.message() : task.message();
                return Optional.of(new NodeFailure(node, task, status, message));
            }
        }
        return Optional.empty();
    }

    /** A node that did not get through its item, and the step where it stopped. */
    public record NodeFailure(RunNode node, RunTask step, RunStatus status, String message) {
    }
}
