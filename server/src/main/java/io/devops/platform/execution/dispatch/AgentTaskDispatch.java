package io.devops.platform.execution.dispatch;

import io.devops.platform.agentgateway.AgentDispatch;
import io.devops.platform.agentgateway.CommandId;
import io.devops.platform.agentgateway.CommandSpec;
import io.devops.platform.agentgateway.CommandState;
import io.devops.platform.agentgateway.CommandStatus;
import io.devops.platform.agentgateway.CommandWatch;
import io.devops.platform.agentgateway.ScriptSource;
import io.devops.platform.execution.logs.LogAppender;
import io.devops.platform.execution.logs.OutputLines;
import io.devops.platform.execution.run.RunContents.HostResult;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunContents.RunTask;
import io.devops.platform.execution.run.RunStatus;
import io.devops.platform.execution.settings.ExecutionProperties;
import io.devops.platform.inventory.NodeRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Runs a script step through each node's agent: one command per node, output copied into the run
 * log as it arrives, one result per node. A node whose agent is offline fails alone, with when it
 * was last heard from; the others go on.
 */
@Component
class AgentTaskDispatch implements Dispatcher {

    private static final long POLL_MILLIS = 100;
    static final int MAX_NODE_IPS = 256;

    private final AgentDispatch agents;
    private final NodeRegistry registry;
    private final ExecutionProperties properties;
    private final Clock clock;

    AgentTaskDispatch(AgentDispatch agents, NodeRegistry registry, ExecutionProperties properties, Clock clock) {
        this.agents = agents;
        this.registry = registry;
        this.properties = properties;
        this.clock = clock;
    }

    /** Script steps dispatched to the agents. */
    @Override
    public boolean takes(RunTask task) {
        return "AGENT".equals(task.dispatch()) && "SHELL".equals(task.type());
    }

    /** {@code workDir} is not used: nothing of an agent step is laid out on this server. */
    @Override
    public TaskOutcome run(long runId, RunTask task, List<RunNode> nodes, Path workDir, LogAppender log, BooleanSupplier cancelled) {
        List<HostResult> results = new ArrayList<>();
        List<Long> nodeIds = nodes.stream().map(RunNode::nodeId).toList();
        Map<Long, String> revoked = agents.revokedAmong(nodeIds);
        Map<Long, Optional<Instant>> offline = registry.offlineAmong(nodeIds);
        Map<String, String> shared = sharedEnvironment(runId, task, nodes);
        Map<Long, Map<String, String>> envByNode = new LinkedHashMap<>();
        List<RunNode> reachable = new ArrayList<>();
        for (RunNode node : nodes) {
            // A revoked agent may still look online for a while (it was heard from recently): it
            // would never take the command, so it is named before presence is.
            String unreachable = revoked.containsKey(node.nodeId()) ? revoked.get(node.nodeId())
                    : offline.containsKey(node.nodeId()) ? offline.get(node.nodeId())
                            .map(at -> "agent offline since " + at).orElse("no agent has enrolled on this node")
                    : null;
            if (unreachable != null) {
                log.line("[platform] " + node.ip() + ": " + unreachable);
                results.add(new HostResult(node.nodeId(), node.ip(), RunStatus.UNREACHABLE, null, 0, 0, 0, 0, 0L, unreachable));
            } else {
                envByNode.put(node.nodeId(), environment(shared, node));
                reachable.add(node);
            }
        }
        if (!reachable.isEmpty()) {
            CommandSpec spec = new CommandSpec(new ScriptSource.Inline("#!/bin/bash\n" + task.command() + "\n"), List.of(),
                    Map.of(), null, properties.taskTimeout(), task.runAs());
            List<CommandId> ids = agents.submitAll(spec, envByNode);
            log.line("[platform] sent to " + ids.size() + " agent(s)");
            Map<CommandId, RunNode> running = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                running.put(ids.get(i), reachable.get(i));
            }
            Followed followed = follow(running, log, cancelled);
            if (followed.logFailure() != null) {
                running.values().forEach(node -> results.add(new HostResult(node.nodeId(), node.ip(), RunStatus.FAILED, null,
                        0, 0, 0, 0, 0L, null)));
                return UnwrittenLog.failed(followed.logFailure(), results);
            }
            running.forEach((id, node) -> results.add(result(node, followed.ended().get(id))));
            if (followed.cancelSent()) {
                // Cancelled is what the user asked for, whatever each command ended as (an agent
                // revoked or lost meanwhile ends its command LOST, not CANCELLED).
                results.sort(Comparator.comparingLong(HostResult::nodeId));
                return new TaskOutcome(RunStatus.CANCELLED, null, "cancelled", results);
            }
        }
        results.sort(Comparator.comparingLong(HostResult::nodeId));
        return outcome(results);
    }

    /** Cancels the step's agent commands, found by the step's marker in their environment. */
    @Override
    public void stopLeftovers(long runId, RunTask task, List<RunNode> nodes, Path workDir, LogAppender log) {
        int cancelled = agents.cancelMarked(GeneratedPlaybooks.MARKER_VARIABLE, GeneratedPlaybooks.taskMarker(runId, task.id()));
        log.line("[platform] cancelled " + cancelled + " agent command(s) of the step");
    }

    /**
     * Copies the commands' new output into the log, line by line, until every one has ended;
     * cancels them all on request, or when the log cannot be written. Every command ends: one whose
     * agent does not confirm the cancel is given up on by the gateway after {@code devops.agent.cancel-grace}.
     */
    private Followed follow(Map<CommandId, RunNode> running, LogAppender log, BooleanSupplier cancelled) {
        CommandWatch watch = agents.watch(running.keySet());
        Map<CommandId, OutputLines> lines = new HashMap<>();
        boolean cancelSent = false;
        while (true) {
            CommandWatch.Update update = watch.poll();
            for (CommandWatch.CommandChunk chunk : update.chunks()) {
                String prefix = running.get(chunk.commandId()).ip() + " | ";
                lines.computeIfAbsent(chunk.commandId(), id -> new OutputLines())
                        .add(chunk.chunk().stream(), chunk.chunk().content(), line -> log.line(prefix + line));
            }
            for (CommandState state : update.ended()) {
                String prefix = running.get(state.id()).ip() + " | ";
                Optional.ofNullable(lines.remove(state.id())).ifPresent(rest -> rest.end(line -> log.line(prefix + line)));
            }
            Optional<String> logFailure = log.writeFailure();
            if (logFailure.isPresent()) {
                running.keySet().forEach(agents::cancel);
                return new Followed(Map.of(), logFailure.get(), cancelSent);
            }
            if (update.allEnded()) {
                return new Followed(watch.finalStates(), null, cancelSent);
            }
            if (!cancelSent && cancelled.getAsBoolean()) {
                log.line("[platform] cancelled: telling the agents to stop their commands");
                running.keySet().forEach(agents::cancel);
                cancelSent = true;
            }
            pause();
        }
    }

    /** The commands' final states, or why following them stopped first, and whether a cancel was sent. */
    private record Followed(Map<CommandId, CommandState> ended, String logFailure, boolean cancelSent) {
    }

    /** What every node of the step shares; computed once, not once per node. */
    private static Map<String, String> sharedEnvironment(long runId, RunTask task, List<RunNode> nodes) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RUN_ID", String.valueOf(runId));
        env.put("NODE_POOL", nodes.stream().map(RunNode::nodePoolName).distinct().collect(Collectors.joining(",")));
        env.put("NODE_COUNT", String.valueOf(nodes.size()));
        // Every node's copy of the list is stored with its command: past this size that costs more
        // than it serves (a multi-node test runs from a launcher, which gets the hostfile).
        if (nodes.size() <= MAX_NODE_IPS) {
            env.put("NODE_IPS", nodes.stream().map(RunNode::ip).collect(Collectors.joining(",")));
        }
        env.put(GeneratedPlaybooks.MARKER_VARIABLE, GeneratedPlaybooks.taskMarker(runId, task.id()));
        return env;
    }

    private static Map<String, String> environment(Map<String, String> shared, RunNode node) {
        Map<String, String> env = new LinkedHashMap<>(shared);
        env.put("NODE_IP", node.ip());
        return env;
    }

    private static HostResult result(RunNode node, CommandState state) {
        RunStatus status = switch (state.status()) {
            case SUCCEEDED -> RunStatus.SUCCEEDED;
            case CANCELLED -> RunStatus.CANCELLED;
            case LOST -> RunStatus.UNREACHABLE;
            default -> RunStatus.FAILED;
        };
        String message = state.message() != null ? state.message()
                : state.status() == CommandStatus.FAILED ? "exited with code " + state.exitCode() : null;
        return new HostResult(node.nodeId(), node.ip(), status, state.exitCode(), 0, 0, 0, 0, state.durationMs(), message);
    }

    private static TaskOutcome outcome(List<HostResult> results) {
        RunStatus status = RunStatus.SUCCEEDED;
        for (HostResult result : results) {
            if (result.status() == RunStatus.CANCELLED) {
                return new TaskOutcome(RunStatus.CANCELLED, null, "cancelled", results);
            }
            if (result.status() != RunStatus.SUCCEEDED) {
                status = result.status() == RunStatus.UNREACHABLE && status == RunStatus.SUCCEEDED ? RunStatus.UNREACHABLE : RunStatus.FAILED;
            }
        }
        return new TaskOutcome(status, null, status == RunStatus.SUCCEEDED ? null : "the step failed on at least one node", results);
    }


    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
