package io.devops.platform.execution.run;

import io.devops.platform.catalog.PlannedStep;
import io.devops.platform.execution.run.RunContents.HostResult;
import io.devops.platform.execution.run.RunContents.RunItem;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunContents.RunTask;
import io.devops.platform.execution.run.Runs.StatusChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A run as the API shows it: items, the steps users composed (never tasks), and each node's result per step. */
public final class RunViews {

    private RunViews() {
    }

    public record RunSummary(long id, long jobId, int jobVersion, String jobName, String kind, Long previousRunId, RunStatus status,
                      String message, String waitingReason, String executedBy, String executor, Instant queuedAt,
                      Instant startedAt, Instant finishedAt, Long durationMs, boolean cancelRequested) {

        public static RunSummary of(RunRecord run) {
            return new RunSummary(run.id(), run.originalJobId(), run.jobVersion(), run.jobName(), run.kind(), run.previousRunId(),
                    run.status(), run.message(), run.waitingReason(), run.executedBy(), run.executor(), run.queuedAt(),
                    run.startedAt(), run.finishedAt(), run.durationMs(), run.cancelRequested());
        }
    }

    public record RunDetail(long id, long jobId, int jobVersion, String jobName, String kind, Long previousRunId, RunStatus status,
                     String message, String waitingReason, String executedBy, String executor, Instant queuedAt,
                     Instant startedAt, Instant finishedAt, Long durationMs, boolean cancelRequested, List<ItemView> items,
                     List<StatusChange> history, List<Long> laterRunIds, RunApproval approval) {

        /**
         * {@code laterRunIds}: the runs that re-ran this one's failed nodes; with {@code previousRunId} the chain.
         * {@code approval}: null unless the run had to wait for a second person.
         */
        public static RunDetail of(RunRecord run, List<RunItem> items, Map<Long, List<HostResult>> results, List<StatusChange> history,
                                   List<Long> laterRunIds, RunApproval approval) {
            return new RunDetail(run.id(), run.originalJobId(), run.jobVersion(), run.jobName(), run.kind(), run.previousRunId(),
                    run.status(), run.message(), run.waitingReason(), run.executedBy(), run.executor(), run.queuedAt(),
                    run.startedAt(), run.finishedAt(), run.durationMs(), run.cancelRequested(),
                    items.stream().map(item -> ItemView.of(item, results)).toList(), history, laterRunIds, approval);
        }
    }

    record ItemView(int sequence, long templateId, String templateName, int templateVersion, List<NodeView> nodes,
                    List<StepView> steps) {

        public static ItemView of(RunItem item, Map<Long, List<HostResult>> results) {
            int[] next = {1};
            List<StepView> steps = item.tasks().stream().flatMap(task -> task.steps().stream()
                    .map(step -> StepView.of(next[0]++, step, task, results.getOrDefault(task.id(), List.of())))).toList();
            Map<Long, RunStatus> outcomes = RunFailures.outcomes(item, results);
            return new ItemView(item.sequence(), item.templateId(), item.templateName(), item.templateVersion(),
                    item.nodes().stream().map(node -> NodeView.of(node, outcomes.get(node.nodeId()))).toList(), steps);
        }
    }

    /** A node of an item with its status for the run: SUCCEEDED only if every step of the item succeeded on it. */
    record NodeView(long nodeId, String ip, String hostname, String nodePoolName, RunStatus status) {

        public static NodeView of(RunNode node, RunStatus status) {
            return new NodeView(node.nodeId(), node.ip(), node.hostname(), node.nodePoolName(), status);
        }
    }

    /**
     * One step of the template. Consecutive operator steps run as one playbook, so they share its
     * status and per-node results; {@code outputId} names that shared output for the log.
     */
    record StepView(int sequence, String name, String type, int version, String dispatch, RunStatus status,
                    Instant startedAt, Instant finishedAt, Long durationMs, String message, long outputId,
                    List<String> reports, List<HostView> hosts) {

        public static StepView of(int sequence, PlannedStep step, RunTask task, List<HostResult> hosts) {
            return new StepView(sequence, step.name(), step.type(), step.version(), task.dispatch().toLowerCase(), task.status(),
                    task.startedAt(), task.finishedAt(), task.durationMs(), task.message(), task.id(), task.reports(),
                    hosts.stream().map(HostView::of).toList());
        }
    }

    record HostView(long nodeId, String ip, RunStatus status, Integer rc, Long durationMs, String message, int ok,
                    int changed, int failed, int skipped) {

        public static HostView of(HostResult result) {
            return new HostView(result.nodeId(), result.ip(), result.status(), result.rc(), result.durationMs(), result.message(),
                    result.ok(), result.changed(), result.failed(), result.skipped());
        }
    }
}
