package io.devops.platform.execution;

import io.devops.platform.execution.dispatch.StepDispatch;
import io.devops.platform.execution.dispatch.TaskOutcome;
import io.devops.platform.execution.leases.NodeLeases;
import io.devops.platform.execution.logs.LogAppender;
import io.devops.platform.execution.logs.LogFlusher;
import io.devops.platform.execution.reports.ReportCollector;
import io.devops.platform.execution.run.RunContents;
import io.devops.platform.execution.run.RunContents.HostResult;
import io.devops.platform.execution.run.RunContents.RunItem;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunContents.RunTask;
import io.devops.platform.execution.run.RunFailures;
import io.devops.platform.execution.run.RunFence;
import io.devops.platform.execution.run.RunMovedOnException;
import io.devops.platform.execution.run.RunOptionsStore;
import io.devops.platform.execution.run.RunRecord;
import io.devops.platform.execution.run.RunStatus;
import io.devops.platform.execution.run.RunTransitions;
import io.devops.platform.execution.run.Runs;
import io.devops.platform.execution.settings.ExecutionProperties;
import io.devops.platform.execution.settings.ExecutorIdentity;
import io.devops.platform.execution.verdicts.AcceptanceEvents;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    private final RunTransitions transitions;
    private final NodeLeases leases;
    private final LogFlusher logs;
    private final StepDispatch dispatch;
    private final ReportCollector reports;
    private final AcceptanceEvents acceptance;
    private final ExecutorIdentity executor;
    private final ExecutionProperties properties;
    private final Clock clock;
    private final RunOptionsStore options;

    RunEngine(Runs runs, RunContents contents, RunTransitions transitions, NodeLeases leases, LogFlusher logs,
              StepDispatch dispatch, ReportCollector reports, AcceptanceEvents acceptance, ExecutorIdentity executor,
              ExecutionProperties properties, Clock clock, RunOptionsStore options) {
        this.options = options;
        this.runs = runs;
        this.contents = contents;
        this.transitions = transitions;
        this.leases = leases;
        this.logs = logs;
        this.dispatch = dispatch;
        this.reports = reports;
        this.acceptance = acceptance;
        this.executor = executor;
        this.properties = properties;
        this.clock = clock;
    }

    /** What became of one pass of db-scheduler's execution of a run (see {@link RunExecutionTask}). */
    enum Pass {
        /** Nothing more to do: the run ended, or was not this execution's to run. */
        DONE,
        /** The run waits for leased nodes: try again later. */
        WAIT,
        /** This execution lost the run (recovery presumed it dead): it touches nothing more, not even its scheduling. */
        LOST
    }

    Pass execute(long runId) {
        RunRecord run = runs.get(runId).orElse(null);
        if (run == null || run.status() != RunStatus.QUEUED) {
            return Pass.DONE; // finished, cancelled while queued, or already taken by another instance
        }
        if (run.cancelRequested()) {
            cancelBeforeStart(run);
            return Pass.DONE;
        }
        List<RunItem> items = contents.items(runId);
        Set<Long> nodeIds = items.stream().flatMap(item -> item.nodes().stream()).map(RunNode::nodeId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, Long> holders = leases.tryAcquire(runId, nodeIds, clock.instant());
        if (!holders.isEmpty()) {
            runs.waiting(runId, waitingReason(items, holders));
            return Pass.WAIT;
        }
        RunFence owner = transitions.start(runId, clock.instant(), executor.name()).orElse(null);
        if (owner == null) {
            leases.release(runId);
            return Pass.DONE;
        }
        LogAppender out = logs.open(owner);
        try {
            out.line("[platform] run " + runId + " of " + run.jobName() + " v" + run.jobVersion() + " started on "
                    + executor.name() + " with " + nodeIds.size() + " node(s)");
            boolean checkMode = options.checkMode(runId);
            if (checkMode) {
                out.line("[platform] check mode: Ansible steps run with --check and change nothing; script steps are not run");
            }
            RunStatus ending = executeItems(run, owner, items, out, checkMode);
            return finish(owner, ending, checkMode ? CheckMode.endingMessage(ending) : endingMessage(ending), ending == RunStatus.CANCELLED ? "cancelled" : "not run: an earlier step failed");
        } catch (RunMovedOnException lost) {
            log.warn("Run {}: this execution lost the run and stops without writing more: {}", runId, lost.getMessage());
            return Pass.LOST;
        } catch (RuntimeException e) {
            log.error("Run {} failed in the engine", runId, e);
            out.line("[platform] the engine failed: " + e.getMessage());
            return finish(owner, RunStatus.FAILED, "the engine failed: " + e.getMessage(), "the engine failed");
        } finally {
            logs.close(owner);
        }
    }

    /**
     * Each task runs on the nodes still in play that have not done it yet: a node that does not
     * succeed drops out of the later tasks (with STOP the run stops), and is recorded SKIPPED in
     * each of them. On a resumed run a node's earlier success stands (it does not run that task
     * again) and anything else runs again, in order: a node reaches a task only after succeeding
     * every task before it, in this execution or an earlier one of the run.
     */
    private RunStatus executeItems(RunRecord run, RunFence owner, List<RunItem> items, LogAppender out, boolean checkMode) {
        Map<Long, List<HostResult>> earlier = contents.hostResults(run.id());
        Map<Long, String> dropped = new HashMap<>();
        boolean failed = false;
        for (RunItem item : items) {
            for (RunTask task : item.tasks()) {
                if (runs.cancelRequested(run.id())) {
                    return RunStatus.CANCELLED;
                }
                if (failed && !run.continueOnFailure()) {
                    return RunStatus.FAILED;
                }
                Set<Long> done = earlier.getOrDefault(task.id(), List.of()).stream()
                        .filter(host -> host.status() == RunStatus.SUCCEEDED).map(HostResult::nodeId).collect(Collectors.toSet());
                List<RunNode> notThrough = item.nodes().stream()
                        .filter(node -> dropped.containsKey(node.nodeId()) && !done.contains(node.nodeId())).toList();
                transitions.nodesSkipped(owner, task.id(), notThrough, dropped, clock.instant());
                List<RunNode> pending = item.nodes().stream()
                        .filter(node -> !dropped.containsKey(node.nodeId()) && !done.contains(node.nodeId())).toList();
                if (pending.isEmpty()) {
                    if (task.status() != RunStatus.SUCCEEDED) {
                        boolean noneLeft = item.nodes().stream().allMatch(node -> dropped.containsKey(node.nodeId()));
                        transitions.stepSkipped(owner, task.id(), noneLeft ? "no node left to run on"
                                : "nothing to run: the nodes still in play had done it", clock.instant());
                    }
                    continue;
                }
                if (checkMode && !CheckMode.canDryRun(task)) {
                    CheckMode.notRun(transitions, owner, task, pending, out, clock.instant());
                    continue; // its nodes go on to the next step: a dry run checks every step it can
                }
                TaskOutcome outcome = runTask(run, owner, item, task, pending, out, checkMode);
                Set<Long> succeeded = outcome.hosts().stream().filter(host -> host.status() == RunStatus.SUCCEEDED)
                        .map(HostResult::nodeId).collect(Collectors.toSet());
                String reason = "not run: the node did not get through step " + stepNames(task);
                pending.stream().filter(node -> !succeeded.contains(node.nodeId())).forEach(node -> dropped.put(node.nodeId(), reason));
                if (outcome.status() == RunStatus.CANCELLED) {
                    return RunStatus.CANCELLED;
                }
                failed |= outcome.status() != RunStatus.SUCCEEDED;
            }
        }
        // The run succeeds only if every node got through every step of its item, in this execution or an earlier one.
        boolean allThrough = new RunFailures(contents).failedNodesByItem(run.id()).values().stream().allMatch(List::isEmpty);
        // A dry run's nodes did not get through the steps it could not run: that alone is no failure.
        return failed || !allThrough && !checkMode ? RunStatus.FAILED : RunStatus.SUCCEEDED;
    }

    private static String stepNames(RunTask task) {
        return task.steps().stream().map(step -> step.name()).collect(Collectors.joining(", "));
    }

    private TaskOutcome runTask(RunRecord run, RunFence owner, RunItem item, RunTask task, List<RunNode> nodes, LogAppender out,
                                boolean checkMode) {
        Instant started = clock.instant();
        transitions.stepStarted(owner, task.id(), nodes, started);
        if (!checkMode) {
            acceptance.started(run.id(), task, nodes); // a dry run never starts, nor concludes, a node's acceptance
        }
        out.task(task.id());
        out.line("[platform] step " + item.sequence() + "." + task.sequence() + " "
                + task.steps().stream().map(step -> step.name()).collect(Collectors.joining(", "))
                + " (" + task.dispatch().toLowerCase() + ") on " + nodes.size() + " node(s)");
        Path workDir = properties.workDir().resolve("run-" + run.id()).resolve("task-" + task.id() + "-" + started.toEpochMilli());
        CancelCheck cancelled = new CancelCheck(runs, run.id(), clock);
        TaskOutcome outcome = dispatch.run(run.id(), task, nodes, workDir, out, cancelled).covering(nodes);
        Set<Long> succeededIds = outcome.hosts().stream().filter(host -> host.status() == RunStatus.SUCCEEDED)
                .map(HostResult::nodeId).collect(Collectors.toSet());
        List<RunNode> succeeded = nodes.stream().filter(node -> succeededIds.contains(node.nodeId())).toList();
        if (!checkMode) {
            outcome = outcome.failing(reports.collect(run.id(), task, succeeded, nodes, workDir, outcome.reportsFetched(),
                    outcome.reportMasking(), out));
        }
        Instant finished = clock.instant();
        RunStatus status = outcome.status();
        transitions.stepFinished(owner, task.id(), status, outcome.exitCode(), outcome.message(), outcome.hosts(), started, finished);
        out.task(null);
        out.line("[platform] step " + item.sequence() + "." + task.sequence() + " " + status + ": "
                + outcome.hosts().stream().collect(Collectors.groupingBy(HostResult::status, Collectors.counting())));
        return outcome;
    }

    /** Ends the run if this execution still owns it; the steps and node rows still open are closed with {@code closing}. */
    private Pass finish(RunFence owner, RunStatus ending, String message, String closing) {
        long runId = owner.runId();
        if (!transitions.owns(owner)) {
            log.warn("Run {}: {} no longer holds; it ends nothing", runId, owner);
            return Pass.LOST;
        }
        // The last line is written before the status: a client that sees the run end has the whole log.
        logs.open(owner).line("[platform] run " + runId + " " + ending + (message == null ? "" : ": " + message));
        logs.close(owner);
        if (transitions.end(owner, ending, message, closing, clock.instant())) {
            leases.release(runId);
            if (!options.checkMode(runId)) {
                acceptance.concluded(runId); // after the ending: each node's acceptance is final, whatever it was
            }
            return Pass.DONE;
        }
        log.warn("Run {}: {} lost the run before it could end it {}", runId, owner, ending);
        return Pass.LOST;
    }

    private void cancelBeforeStart(RunRecord run) {
        transitions.endFrom(run.id(), Set.of(RunStatus.QUEUED), RunStatus.CANCELLED, "cancelled before it started", "cancelled",
                clock.instant(), executor.name());
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
                TreeMap::new, Collectors.mapping(entry -> ips.get(entry.getKey()), Collectors.toList())));
        return byRun.entrySet().stream().map(entry -> "waiting for nodes " + String.join(", ", entry.getValue().stream()
                        .limit(10).toList()) + (entry.getValue().size() > 10 ? " (and " + (entry.getValue().size() - 10) + " more)" : "")
                        + " held by run " + entry.getKey())
                .collect(Collectors.joining("; "));
    }
}
