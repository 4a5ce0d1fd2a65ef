package io.devops.platform.execution;

import io.devops.platform.execution.RunContents.HostResult;
import io.devops.platform.execution.RunContents.RunItem;
import io.devops.platform.execution.RunContents.RunNode;
import io.devops.platform.execution.RunContents.RunTask;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Executes one run on this instance: take the leases, run each item's tasks in order on the nodes
 * still in play, record every host's result, apply the failure policy, release the leases.
 * Everything it learns is written as it goes; nothing about the run lives only here.
 */
@Component
class RunEngine {

    private static final Logger log = LoggerFactory.getLogger(RunEngine.class);

    private final Runs runs;
    private final RunContents contents;
    private final NodeLeases leases;
    private final LogFlusher logs;
    private final StepDispatch dispatch;
    private final ReportCollector reports;
    private final ExecutorIdentity executor;
    private final ExecutionProperties properties;
    private final Clock clock;

    RunEngine(Runs runs, RunContents contents, NodeLeases leases, LogFlusher logs, StepDispatch dispatch,
              ReportCollector reports, ExecutorIdentity executor, ExecutionProperties properties,
              Clock clock) {
        this.runs = runs;
        this.contents = contents;
        this.leases = leases;
        this.logs = logs;
        this.dispatch = dispatch;
        this.reports = reports;
        this.executor = executor;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return false when the run must wait for leased nodes and should be tried again later */
    boolean execute(long runId) {
        RunRecord run = runs.get(runId).orElse(null);
        if (run == null || run.status() != RunStatus.QUEUED) {
            return true; // finished, cancelled while queued, or already taken by another instance
        }
        if (run.cancelRequested()) {
            finish(run, RunStatus.CANCELLED, "cancelled before it started");
            return true;
        }
        List<RunItem> items = contents.items(runId);
        Set<Long> nodeIds = items.stream().flatMap(item -> item.nodes().stream()).map(RunNode::nodeId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, Long> holders = leases.tryAcquire(runId, nodeIds, clock.instant());
        if (!holders.isEmpty()) {
            runs.waiting(runId, waitingReason(items, holders));
            return false;
        }
        if (!runs.transition(runId, RunStatus.RUNNING, null, clock.instant(), executor.name(), executor.name())) {
            leases.release(runId);
            return true;
        }
        LogAppender out = logs.open(runId);
        try {
            out.line("[platform] run " + runId + " of " + run.jobName() + " v" + run.jobVersion() + " started on "
                    + executor.name() + " with " + nodeIds.size() + " node(s)");
            RunStatus ending = executeItems(run, items, out);
            finish(run, ending, endingMessage(ending));
        } catch (RuntimeException e) {
            log.error("Run {} failed in the engine", runId, e);
            out.line("[platform] the engine failed: " + e.getMessage());
            finish(run, RunStatus.FAILED, "the engine failed: " + e.getMessage());
        } finally {
            logs.close(runId);
        }
        return true;
    }

    private RunStatus executeItems(RunRecord run, List<RunItem> items, LogAppender out) {
        Set<Long> dropped = new HashSet<>();
        boolean failed = false;
        for (RunItem item : items) {
            for (RunTask task : item.tasks()) {
                if (task.status() == RunStatus.SUCCEEDED) {
                    continue; // resumed run: this step already finished
                }
                if (runs.cancelRequested(run.id())) {
                    return RunStatus.CANCELLED;
                }
                if (failed && !run.continueOnFailure()) {
                    return RunStatus.FAILED;
                }
                List<RunNode> active = item.nodes().stream().filter(node -> !dropped.contains(node.nodeId())).toList();
                if (active.isEmpty()) {
                    contents.taskFinished(task.id(), RunStatus.SKIPPED, null, "no node left to run on", null, clock.instant());
                    continue;
                }
                TaskOutcome outcome = runTask(run, item, task, active, out);
                dropped.addAll(outcome.nodesThatDidNotSucceed());
                if (outcome.status() == RunStatus.CANCELLED) {
                    return RunStatus.CANCELLED;
                }
                failed |= outcome.status() != RunStatus.SUCCEEDED;
            }
        }
        return failed ? RunStatus.FAILED : RunStatus.SUCCEEDED;
    }

    private TaskOutcome runTask(RunRecord run, RunItem item, RunTask task, List<RunNode> nodes, LogAppender out) {
        Instant started = clock.instant();
        contents.taskStarted(task.id(), started);
        out.task(task.id());
        out.line("[platform] step " + item.sequence() + "." + task.sequence() + " "
                + task.steps().stream().map(step -> step.name()).collect(Collectors.joining(", "))
                + " (" + task.dispatch().toLowerCase() + ") on " + nodes.size() + " node(s)");
        Path workDir = properties.workDir().resolve("run-" + run.id()).resolve("task-" + task.id() + "-" + started.toEpochMilli());
        CancelCheck cancelled = new CancelCheck(runs, run.id(), clock);
        TaskOutcome outcome = dispatch.run(run.id(), task, nodes, workDir, out, cancelled);
        Set<Long> succeededIds = outcome.hosts().stream().filter(host -> host.status() == RunStatus.SUCCEEDED)
                .map(HostResult::nodeId).collect(Collectors.toSet());
        List<RunNode> succeeded = nodes.stream().filter(node -> succeededIds.contains(node.nodeId())).toList();
        Map<Long, String> missingReports = reports.collect(run.id(), task, AnsibleDispatch.reportingNodes(task, succeeded, nodes),
                workDir, out);
        outcome = outcome.failing(AnsibleDispatch.missingReportsPerNode(task, missingReports, nodes));
        Instant finished = clock.instant();
        contents.saveHostResults(task.id(), outcome.hosts(), finished);
        RunStatus status = outcome.status();
        contents.taskFinished(task.id(), status, outcome.exitCode(), outcome.message(), started, finished);
        out.task(null);
        out.line("[platform] step " + item.sequence() + "." + task.sequence() + " " + status + ": "
                + outcome.hosts().stream().collect(Collectors.groupingBy(HostResult::status, Collectors.counting())));
        return outcome;
    }

    private void finish(RunRecord run, RunStatus ending, String message) {
        Instant now = clock.instant();
        contents.closeOpenTasks(run.id(), ending == RunStatus.CANCELLED ? RunStatus.CANCELLED : RunStatus.SKIPPED,
                ending == RunStatus.CANCELLED ? "cancelled" : "not run: an earlier step failed", now);
        // The last line is written before the status: a client that sees the run end has the whole log.
        logs.open(run.id()).line("[platform] run " + run.id() + " " + ending + (message == null ? "" : ": " + message));
        logs.close(run.id());
        runs.transition(run.id(), ending, message, now, executor.name(), executor.name());
        leases.release(run.id());
    }

    private static String endingMessage(RunStatus ending) {
        return switch (ending) {
            case SUCCEEDED -> null;
            case CANCELLED -> "cancelled";
            default -> "at least one step failed on at least one node";
        };
    }

    private static String waitingReason(List<RunItem> items, Map<Long, Long> holders) {
        Map<Long, String> ips = items.stream().flatMap(item -> item.nodes().stream())
                .collect(Collectors.toMap(RunNode::nodeId, RunNode::ip, (a, b) -> a));
        Map<Long, List<String>> byRun = holders.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue,
                java.util.TreeMap::new, Collectors.mapping(entry -> ips.get(entry.getKey()), Collectors.toList())));
        return byRun.entrySet().stream().map(entry -> "waiting for nodes " + String.join(", ", entry.getValue().stream()
                        .limit(10).toList()) + (entry.getValue().size() > 10 ? " (and " + (entry.getValue().size() - 10) + " more)" : "")
                        + " held by run " + entry.getKey())
                .collect(Collectors.joining("; "));
    }
}
