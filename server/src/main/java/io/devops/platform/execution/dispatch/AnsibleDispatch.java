package io.devops.platform.execution.dispatch;

import io.devops.platform.ansible.AnsiblePlaybooks;
import io.devops.platform.ansible.PlaybookOutcome;
import io.devops.platform.ansible.PlaybookOutcome.Ending;
import io.devops.platform.ansible.PlaybookOutcome.HostStats;
import io.devops.platform.ansible.PlaybookOutcome.HostTaskResult;
import io.devops.platform.ansible.PlaybookRun;
import io.devops.platform.ansible.ProgressSink;
import io.devops.platform.catalog.PlannedStep;
import io.devops.platform.catalog.TemplatePlans;
import io.devops.platform.credentials.MaskingSecrets;
import io.devops.platform.execution.logs.LogAppender;
import io.devops.platform.execution.run.RunContents;
import io.devops.platform.execution.run.RunOptions;
import io.devops.platform.execution.run.RunOptionsStore;
import io.devops.platform.execution.run.RunContents.HostResult;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunContents.RunTask;
import io.devops.platform.execution.run.RunStatus;
import io.devops.platform.execution.settings.ExecutionProperties;
import io.devops.platform.execution.settings.ExecutorIdentity;
import io.devops.platform.inventory.NodeHostKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Runs a task through Ansible: a playbook task as compiled, a script step on each node, or a
 * script step once on a launcher that receives the whole host list. Maps Ansible's per-host
 * events back to nodes.
 */
@Component
class AnsibleDispatch implements Dispatcher {

    private final AnsiblePlaybooks playbooks;
    private final TemplatePlans plans;
    private final SshAccess ssh;
    private final InventoryHosts inventory;
    private final HostKeyRecords hostKeys;
    private final ExecutionProperties properties;
    private final ExecutorIdentity executor;
    private final RunOptionsStore options;
    private final RunContents contents;
    private final RunInventories inventories;

    AnsibleDispatch(AnsiblePlaybooks playbooks, TemplatePlans plans, SshAccess ssh, InventoryHosts inventory,
                    HostKeyRecords hostKeys, ExecutionProperties properties, ExecutorIdentity executor, RunOptionsStore options,
                    RunContents contents, RunInventories inventories) {
        this.inventories = inventories;
        this.options = options;
        this.playbooks = playbooks;
        this.plans = plans;
        this.ssh = ssh;
        this.inventory = inventory;
        this.hostKeys = hostKeys;
        this.properties = properties;
        this.executor = executor;
        this.contents = contents;
    }

    /** Every step the agents do not take: playbooks, and scripts over SSH on each node or from a launcher. */
    @Override
    public boolean takes(RunTask task) {
        return !("AGENT".equals(task.dispatch()) && "SHELL".equals(task.type()));
    }

    @Override
    public TaskOutcome run(long runId, RunTask task, List<RunNode> nodes, Path workDir, LogAppender log, BooleanSupplier cancelled) {
        if (task.runAs() != null) {
            return refusedRunAs(task, nodes, log);
        }
        boolean launcher = "LAUNCHER".equals(task.dispatch());
        List<RunNode> targets = launcher ? List.of(nodes.get(0)) : nodes;
        String steps = "PLAYBOOK".equals(task.type()) ? task.playbook()
                : GeneratedPlaybooks.script(runId, task.id(), stepName(task), task.command(), properties.scriptsDir(),
                        environment(runId, nodes, launcher), launcher ? hostfile(nodes) : null);
        RunOptions asked = options.of(runId);
        // A dry run fetches no reports: nothing it did may be judged (see RunEngine).
        Optional<String> withReports = task.reports().isEmpty() || asked.checkMode() ? Optional.empty()
                : GeneratedPlaybooks.withReportCollection(steps, task.reports(), GeneratedPlaybooks.reportsDir(workDir), properties.maxReportBytes());
        String playbook = withReports.orElse(steps);
        if (asked.batchSize() != null && !launcher) {
            Optional<String> batched = GeneratedPlaybooks.withSerial(playbook, asked.batchSize());
            if (batched.isEmpty()) {
                return refused(nodes, log, "the step's playbook is not a list of plays the platform can give 'serial: "
                        + asked.batchSize() + "'; not run rather than run on every node at once");
            }
            playbook = batched.get();
            log.line("[platform] " + asked.batchSize() + " node(s) at a time (serial: " + asked.batchSize() + ")");
        }
        if (withReports.isPresent()) {
            GeneratedPlaybooks.prepareReportsDir(workDir);
        }
        if (launcher) {
            log.line("[platform] running once on the launcher " + targets.get(0).ip() + " for " + nodes.size() + " nodes");
        }
        // Each node's credential is resolved (and decrypted) once, for both the inventory and the masking.
        Map<RunNode, SshAccess.Access> accesses = inventory.accesses(targets);
        Map<Long, List<NodeHostKeys.HostKey>> recorded = hostKeys.recorded(targets);
        // Secret values reach Ansible only in the extra variables file (owner only, removed after the step).
        Map<String, String> secrets = "PLAYBOOK".equals(task.type()) ? plans.secretVariables(task.steps()) : Map.of();
        Map<String, Object> extraVars = new LinkedHashMap<>(asked.extraVars());
        extraVars.putAll(secrets);
        // Pool and node secrets ride in the inventory file (owner only, removed after the step) and are masked like operator ones.
        PlaybookHosts hosts = inventory.forPlaybook(targets, accesses, recorded);
        inventories.record(runId, task.id(), hosts.record());
        // Exactly the role files the task's operator versions pinned, whatever was uploaded since.
        Map<String, String> environment = new LinkedHashMap<>(localMarks(executor.name(), runId, task.id()));
        plans.collectionsPath(task.steps()).ifPresent(path -> environment.putAll(onlyCollections(path)));
        PlaybookRun run = new PlaybookRun(workDir, playbook, hosts.hosts(), plans.rolesPaths(task.steps()),
                properties.taskTimeout(), environment, asked.checkMode(), extraVars, hosts.groupVars());
        MaskingSecrets masking = ssh.maskingFor(List.copyOf(accesses.values())).with(secrets.values()).with(hosts.secrets());
        RemoteStop remoteStop = new RemoteStop(() -> stopRemote(runId, task, targets, workDir, log));
        BooleanSupplier stop = UnwrittenLog.orFailing(cancelled, log);
        BooleanSupplier cancelledThenStop = "SHELL".equals(task.type()) ? remoteStop.onFirst(stop) : stop;
        PlaybookOutcome outcome = playbooks.run(run, line -> log.line(masking.mask(line)), cancelledThenStop,
                progress(task.id(), targets, masking));
        hostKeys.recordLearned(targets, outcome, log); // before a stop: it then checks the key just recorded
        if ("SHELL".equals(task.type()) && outcome.ending() == Ending.TIMED_OUT) {
            remoteStop.start();
        }
        remoteStop.await();
        List<HostResult> results = new ArrayList<>(targets.stream().map(node -> HostKeyRecords
                .refused(node, outcome, recorded.get(node.nodeId())).orElseGet(() -> hostResult(node, outcome, task)))
                .map(result -> result.masked(masking::mask)).toList());
        results.stream().filter(result -> outcome.refusedHostKeys().containsKey(result.ip()))
                .forEach(result -> log.line("[platform] " + result.ip() + ": " + result.message()));
        if (launcher) {
            HostResult lead = results.get(0);
            nodes.stream().skip(1).forEach(node -> results.add(new HostResult(node.nodeId(), node.ip(), lead.status(), lead.rc(),
                    0, 0, 0, 0, lead.durationMs(), "ran from the launcher " + lead.ip() + ": " + lead.message())));
        }
        if (log.writeFailure().isPresent()) {
            return UnwrittenLog.failed(log.writeFailure().get(), results);
        }
        TaskOutcome done = new TaskOutcome(status(outcome.ending()), outcome.exitCode(), masking.mask(outcome.message()), results)
                .withReportMasking(masking::mask);
        return withReports.isPresent() ? done.withReportsFetched() : done;
    }

    /**
     * The environment marks of the local processes of one task ({@code ansible-playbook} and every
     * child): after a crash, the restarted instance finds what it left running by them.
     */
    static Map<String, String> localMarks(String executor, long runId, long taskId) {
        return Map.of("RUN_ID", String.valueOf(runId), EXECUTOR_MARK, executor,
                GeneratedPlaybooks.MARKER_VARIABLE, GeneratedPlaybooks.taskMarker(runId, taskId));
    }

    static final String EXECUTOR_MARK = "DEVOPS_EXECUTOR";

    /**
     * The step's pinned collections and no others: not the machine's own (Python's site-packages,
     * ~/.ansible/collections), so a step runs the same collection bytes on every instance.
     */
    static Map<String, String> onlyCollections(String collectionsPath) {
        return Map.of("ANSIBLE_COLLECTIONS_PATH", collectionsPath, "ANSIBLE_COLLECTIONS_SCAN_SYS_PATH", "False");
    }

    /** A script step's processes on the nodes (a playbook step leaves none: its tasks end with the playbook). */
    @Override
    public void stopLeftovers(long runId, RunTask task, List<RunNode> nodes, Path workDir, LogAppender log) {
        if ("SHELL".equals(task.type())) {
            stopRemote(runId, task, nodes, workDir, log);
        }
    }

    private void stopRemote(long runId, RunTask task, List<RunNode> targets, Path workDir, LogAppender log) {
        log.line("[platform] stopping the step's processes on " + targets.size() + " node(s)");
        playbooks.runCommand(new PlaybookRun(workDir.resolve("stop"), "", inventory.of(targets), List.of(), Duration.ofSeconds(30),
                Map.of()), GeneratedPlaybooks.stopCommand(runId, task.id()));
    }

    private static Map<String, String> environment(long runId, List<RunNode> nodes, boolean launcher) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RUN_ID", String.valueOf(runId));
        env.put("NODE_POOL", nodes.stream().map(RunNode::nodePoolName).distinct().collect(Collectors.joining(",")));
        env.put("NODE_IPS", nodes.stream().map(RunNode::ip).collect(Collectors.joining(",")));
        if (launcher) {
            env.put("HOSTFILE", GeneratedPlaybooks.remoteDir(runId) + "/hostfile");
        }
        return env;
    }

    private static String hostfile(List<RunNode> nodes) {
        return nodes.stream().map(RunNode::ip).collect(Collectors.joining("\n", "", "\n"));
    }

    /**
     * A script that names a user to run as is never run over SSH, where it would run as the SSH
     * user (root): the catalog refuses to compile one, so only a snapshot made otherwise gets here.
     */
    private static TaskOutcome refusedRunAs(RunTask task, List<RunNode> nodes, LogAppender log) {
        return refused(nodes, log, "the script runs as " + task.runAs() + ", which only the node agent honours; not run over SSH");
    }

    private static TaskOutcome refused(List<RunNode> nodes, LogAppender log, String reason) {
        log.line("[platform] " + reason);
        return new TaskOutcome(RunStatus.FAILED, null, reason, nodes.stream().map(node -> new HostResult(node.nodeId(), node.ip(),
                RunStatus.FAILED, null, 0, 0, 0, 0, 0L, reason)).toList());
    }

    /** Each node's current task, written to its row of the step for the run page (masked: a task name may hold a value). */
    private ProgressSink progress(long taskId, List<RunNode> targets, MaskingSecrets masking) {
        Map<String, Long> ids = targets.stream().collect(Collectors.toMap(RunNode::ip, RunNode::nodeId, (a, b) -> a));
        return tasks -> {
            Map<Long, String> byNode = new LinkedHashMap<>();
            tasks.forEach((host, name) -> {
                if (ids.containsKey(host)) {
                    byNode.put(ids.get(host), masking.mask(name));
                }
            });
            contents.progress(taskId, byNode);
        };
    }

    private static String stepName(RunTask task) {
        return task.steps().stream().map(PlannedStep::name).collect(Collectors.joining(", "));
    }

    /** A node's result, saying at which template step it stopped when it did not succeed. */
    private static HostResult hostResult(RunNode node, PlaybookOutcome outcome, RunTask task) {
        HostResult result = hostResult(node, outcome);
        if (result.status() == RunStatus.SUCCEEDED) {
            return result;
        }
        boolean toldByAnEvent = !ENDED_EARLY.equals(result.message()) && !NO_RESULT.equals(result.message());
        return result.stoppedAt(stoppedStep(node, outcome, task, toldByAnEvent));
    }

    /**
     * The template step at which a node that did not succeed stopped: that of the failing event its
     * result tells (its last failed or unreachable one), else of its last event inside a step; before
     * any step (facts, connection) it is the first. Null when the node has no event at all.
     */
    static Integer stoppedStep(RunNode node, PlaybookOutcome outcome, RunTask task, boolean toldByAnEvent) {
        List<HostTaskResult> events = outcome.results().stream().filter(result -> result.host().equals(node.ip())).toList();
        if (events.isEmpty() || task.steps().isEmpty()) {
            return null;
        }
        int end = events.size() - 1;
        while (toldByAnEvent && end > 0 && !failing(events.get(end))) {
            end--;
        }
        if (!failing(events.get(end))) {
            end = events.size() - 1; // no failing event (ended early): where it was last
        }
        for (int i = end; i >= 0; i--) {
            Optional<Integer> step = events.get(i).stepSequence();
            if (step.isPresent()) {
                return step.get();
            }
        }
        return task.steps().get(0).sequence();
    }

    private static boolean failing(HostTaskResult event) {
        return event.status().equals("failed") || event.status().equals("unreachable");
    }

    /**
     * One node's result from Ansible's own account of it: its recap line, its events, and whether
     * it answered the play's closing task. Missing data is a failure: a node without a recap
     * (playbook stopped, crashed, events lost) or that left the play early never passes.
     */
    private static HostResult hostResult(RunNode node, PlaybookOutcome outcome) {
        List<HostTaskResult> events = outcome.results().stream().filter(result -> result.host().equals(node.ip())).toList();
        HostStats stats = outcome.stats().get(node.ip());
        long duration = events.stream().mapToLong(HostTaskResult::durationMs).sum();
        HostTaskResult unreachable = last(events, "unreachable");
        HostTaskResult failed = last(events, "failed");
        if (stats == null) {
            if (unreachable != null || failed != null) {
                return result(node, unreachable != null ? RunStatus.UNREACHABLE : RunStatus.FAILED,
                        unreachable != null ? unreachable : failed, null, duration);
            }
            RunStatus status = outcome.ending() == Ending.CANCELLED ? RunStatus.CANCELLED : RunStatus.FAILED;
            boolean playEnded = EnumSet.of(Ending.SUCCEEDED, Ending.FAILED, Ending.UNREACHABLE).contains(outcome.ending());
            String message = playEnded && !events.isEmpty() ? ENDED_EARLY
                    : outcome.ending() == Ending.SUCCEEDED || outcome.message() == null ? NO_RESULT : outcome.message();
            return new HostResult(node.nodeId(), node.ip(), status, null, 0, 0, 0, 0, duration, message);
        }
        if (stats.unreachable() > 0) {
            return result(node, RunStatus.UNREACHABLE, unreachable, stats, duration);
        }
        if (stats.failures() > 0) {
            return result(node, RunStatus.FAILED, failed, stats, duration);
        }
        if (!outcome.reachedEnd(node.ip())) {
            return withMessage(result(node, RunStatus.FAILED, null, stats, duration), ENDED_EARLY);
        }
        HostResult succeeded = result(node, RunStatus.SUCCEEDED, lastOwnEvent(events), stats, duration);
        return stats.rescued() + stats.ignored() == 0 ? succeeded : withMessage(succeeded, "succeeded; Ansible rescued "
                + stats.rescued() + " and ignored " + stats.ignored() + " failed task(s) on the way (see the log)");
    }

    static final String NO_RESULT = "no result from Ansible: the playbook ended without reporting this node";
    static final String ENDED_EARLY = "did not reach the end of the step: Ansible stopped this node before the step's last"
            + " task (meta: end_host or end_play in a role, or any_errors_fatal / max_fail_percentage after a failure"
            + " elsewhere); see the log";

    private static HostResult withMessage(HostResult result, String message) {
        return new HostResult(result.nodeId(), result.ip(), result.status(), result.rc(), result.ok(), result.changed(),
                result.failed(), result.skipped(), result.durationMs(), message);
    }

    /** The last event of the step's own tasks, not of the platform's closing ones. */
    private static HostTaskResult lastOwnEvent(List<HostTaskResult> events) {
        HostTaskResult found = null;
        for (HostTaskResult event : events) {
            if (!(event.role() == null && event.task().startsWith("[platform]"))) {
                found = event;
            }
        }
        return found;
    }

    private static HostResult result(RunNode node, RunStatus status, HostTaskResult telling, HostStats stats, long duration) {
        return new HostResult(node.nodeId(), node.ip(), status, telling == null ? null : telling.rc(),
                stats == null ? 0 : stats.ok(), stats == null ? 0 : stats.changed(), stats == null ? 0 : stats.failures(),
                stats == null ? 0 : stats.skipped(), duration, telling == null ? null : telling.message());
    }

    private static HostTaskResult last(List<HostTaskResult> events, String status) {
        HostTaskResult found = null;
        for (HostTaskResult event : events) {
            if (event.status().equals(status)) {
                found = event;
            }
        }
        return found;
    }

    private static RunStatus status(Ending ending) {
        return switch (ending) {
            case SUCCEEDED -> RunStatus.SUCCEEDED;
            case UNREACHABLE -> RunStatus.UNREACHABLE;
            case CANCELLED -> RunStatus.CANCELLED;
            case FAILED, ERROR, TIMED_OUT, NOT_INSTALLED -> RunStatus.FAILED;
        };
    }
}
