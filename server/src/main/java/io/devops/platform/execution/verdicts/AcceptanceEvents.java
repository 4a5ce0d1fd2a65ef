package io.devops.platform.execution.verdicts;

import io.devops.platform.acceptance.AcceptanceVerdicts;
import io.devops.platform.acceptance.AcceptanceVerdicts.NodeVerdict;
import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.acceptance.NodeAcceptanceConcluded;
import io.devops.platform.acceptance.NodeAcceptanceStarted;
import io.devops.platform.execution.run.RunContents;
import io.devops.platform.execution.run.RunContents.HostResult;
import io.devops.platform.execution.run.RunContents.RunItem;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunContents.RunTask;
import io.devops.platform.execution.run.RunStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the rest of the platform (the lifecycle) when a node's acceptance starts in a run and how it
 * concluded when the run ends, whatever the ending: the worst verdict of its checks in the run (the
 * latest per check), where a step with checks that started on the node and left no verdict (it
 * failed, was cancelled, or the engine stopped) counts as ERROR. Events are published inside a
 * transaction, so that listeners bound to the commit hear them too.
 */
@Component
public class AcceptanceEvents {

    private static final Logger log = LoggerFactory.getLogger(AcceptanceEvents.class);
    private static final Set<RunStatus> NOT_STARTED = Set.of(RunStatus.QUEUED, RunStatus.SKIPPED);

    private final RunContents contents;
    private final AcceptanceVerdicts verdicts;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AcceptanceEvents(RunContents contents, AcceptanceVerdicts verdicts, ApplicationEventPublisher publisher,
                     TransactionTemplate transaction, Clock clock) {
        this.contents = contents;
        this.verdicts = verdicts;
        this.publisher = publisher;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Whether a step declares acceptance reports. */
    public static boolean hasChecks(RunTask task) {
        return task.reports().stream().anyMatch(StepVerdicts::isAcceptanceReport);
    }

    /** A step with acceptance checks starts on these nodes. */
    public void started(long runId, RunTask task, List<RunNode> nodes) {
        if (hasChecks(task)) {
            publish(nodes.stream().map(node -> (Object) new NodeAcceptanceStarted(node.nodeId(), runId, clock.instant())).toList());
        }
    }

    /** The run has ended: one conclusion per node on which a step with acceptance checks started. */
    public void concluded(long runId) {
        Map<Long, List<RunTask>> startedOn = startedSteps(runId);
        if (startedOn.isEmpty()) {
            return;
        }
        Map<Long, List<NodeVerdict>> byNode = verdicts.ofRun(runId).stream()
                .collect(Collectors.groupingBy(NodeVerdict::nodeId, TreeMap::new, Collectors.toList()));
        Map<Long, Map<Long, HostResult>> hosts = hostsByTask(runId);
        List<Object> events = new ArrayList<>();
        startedOn.forEach((nodeId, tasks) -> events.add(conclusion(runId, nodeId, tasks, byNode.getOrDefault(nodeId, List.of()),
                hosts)));
        publish(events);
    }

    private NodeAcceptanceConcluded conclusion(long runId, long nodeId, List<RunTask> tasks, List<NodeVerdict> judged,
                                               Map<Long, Map<Long, HostResult>> hosts) {
        Map<String, NodeVerdict> latest = new LinkedHashMap<>();
        judged.forEach(verdict -> latest.put(verdict.result().check(), verdict)); // in id order: the last one stays
        List<CheckVerdict> all = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        latest.values().forEach(verdict -> {
            all.add(verdict.result().verdict());
            if (verdict.result().verdict() != CheckVerdict.PASS) {
                problems.add(verdict.result().check() + " " + verdict.result().verdict() + ": " + verdict.result().message());
            }
        });
        for (RunTask task : tasks) {
            if (judged.stream().noneMatch(verdict -> Long.valueOf(task.id()).equals(verdict.taskId()))) {
                HostResult host = hosts.getOrDefault(task.id(), Map.of()).get(nodeId);
                all.add(CheckVerdict.ERROR);
                problems.add("step " + stepNames(task) + " left no verdict (MISSING_EVIDENCE): " + (host == null ? "no result"
                        : host.status() + (host.message() == null ? "" : " (" + host.message() + ")")));
            }
        }
        CheckVerdict worst = StepVerdicts.worst(all);
        String reason = problems.isEmpty() ? all.size() + " check(s) passed" : String.join("; ", problems);
        return new NodeAcceptanceConcluded(nodeId, runId, worst, reason, clock.instant());
    }

    /** The steps with acceptance checks that started on each node (those it was skipped in or never reached left out). */
    private Map<Long, List<RunTask>> startedSteps(long runId) {
        Map<Long, Map<Long, HostResult>> hosts = hostsByTask(runId);
        Map<Long, List<RunTask>> started = new TreeMap<>();
        for (RunItem item : contents.items(runId)) {
            for (RunTask task : item.tasks()) {
                if (!hasChecks(task)) {
                    continue;
                }
                hosts.getOrDefault(task.id(), Map.of()).values().stream().filter(host -> !NOT_STARTED.contains(host.status()))
                        .forEach(host -> started.computeIfAbsent(host.nodeId(), id -> new ArrayList<>()).add(task));
            }
        }
        return started;
    }

    private Map<Long, Map<Long, HostResult>> hostsByTask(long runId) {
        Map<Long, Map<Long, HostResult>> byTask = new LinkedHashMap<>();
        contents.hostResults(runId).forEach((taskId, hosts) -> byTask.put(taskId,
                hosts.stream().collect(Collectors.toMap(HostResult::nodeId, host -> host, (a, b) -> b))));
        return byTask;
    }

    private static String stepNames(RunTask task) {
        return task.steps().stream().map(step -> step.name()).collect(Collectors.joining(", "));
    }

    /** A listener's failure is logged, never the run's: the verdicts are stored whatever the listeners do. */
    private void publish(List<Object> events) {
        try {
            transaction.executeWithoutResult(status -> events.forEach(publisher::publishEvent));
        } catch (RuntimeException e) {
            log.error("A listener of acceptance events failed", e);
        }
    }
}
