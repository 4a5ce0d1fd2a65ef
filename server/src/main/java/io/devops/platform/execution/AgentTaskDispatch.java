package io.devops.platform.execution;

import io.devops.platform.agentgateway.AgentDispatch;
import io.devops.platform.agentgateway.CommandId;
import io.devops.platform.agentgateway.CommandSpec;
import io.devops.platform.agentgateway.CommandState;
import io.devops.platform.agentgateway.CommandStatus;
import io.devops.platform.agentgateway.OutputChunk;
import io.devops.platform.agentgateway.ScriptSource;
import io.devops.platform.execution.RunContents.HostResult;
import io.devops.platform.execution.RunContents.RunNode;
import io.devops.platform.execution.RunContents.RunTask;
import io.devops.platform.inventory.NodeRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Runs a script step through each node's agent: one command per node, output copied into the run
 * log as it arrives, one result per node. A node whose agent is offline fails alone, with when it
 * was last heard from; the others go on.
 */
@Component
class AgentTaskDispatch {

    private static final long POLL_MILLIS = 300;

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

    TaskOutcome run(long runId, RunTask task, List<RunNode> nodes, LogAppender log, BooleanSupplier cancelled) {
        List<HostResult> results = new ArrayList<>();
        Map<RunNode, Submitted> running = new LinkedHashMap<>();
        String sha = agents.storeScript("#!/bin/bash\n" + task.command() + "\n");
        for (RunNode node : nodes) {
            if (!registry.isOnline(node.nodeId())) {
                String message = registry.lastSeenAt(node.nodeId())
                        .map(at -> "agent offline since " + at).orElse("no agent has enrolled on this node");
                log.line("[platform] " + node.ip() + ": " + message);
                results.add(new HostResult(node.nodeId(), node.ip(), RunStatus.UNREACHABLE, null, 0, 0, 0, 0, 0L, message));
                continue;
            }
            CommandSpec spec = new CommandSpec(new ScriptSource.Stored(sha), List.of(), environment(runId, task, node, nodes),
                    null, properties.taskTimeout());
            running.put(node, new Submitted(agents.submit(node.nodeId(), spec)));
        }
        log.line("[platform] sent to " + running.size() + " agent(s)");
        follow(running, log, cancelled);
        running.forEach((node, submitted) -> results.add(result(node, agents.status(submitted.id))));
        results.sort(java.util.Comparator.comparingLong(HostResult::nodeId));
        return outcome(results);
    }

    /** Copies each command's new output into the log until every command has ended; cancels them all on request. */
    private void follow(Map<RunNode, Submitted> running, LogAppender log, BooleanSupplier cancelled) {
        boolean cancelSent = false;
        while (true) {
            boolean allDone = true;
            for (Map.Entry<RunNode, Submitted> entry : running.entrySet()) {
                Submitted submitted = entry.getValue();
                for (OutputChunk chunk : agents.output(submitted.id, submitted.lastSeq, 500)) {
                    chunk.content().lines().forEach(line -> log.line(entry.getKey().ip() + " | " + line));
                    submitted.lastSeq = chunk.seq();
                }
                allDone &= agents.status(submitted.id).status().isFinal();
            }
            if (allDone) {
                return;
            }
            if (!cancelSent && cancelled.getAsBoolean()) {
                log.line("[platform] cancelled: telling the agents to stop their commands");
                running.values().forEach(submitted -> agents.cancel(submitted.id));
                cancelSent = true;
            }
            pause();
        }
    }

    private static Map<String, String> environment(long runId, RunTask task, RunNode node, List<RunNode> nodes) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RUN_ID", String.valueOf(runId));
        env.put("NODE_IP", node.ip());
        env.put("NODE_POOL", nodes.stream().map(RunNode::nodePoolName).distinct().collect(Collectors.joining(",")));
        env.put("NODE_IPS", nodes.stream().map(RunNode::ip).collect(Collectors.joining(",")));
        env.put(GeneratedPlaybooks.MARKER_VARIABLE, GeneratedPlaybooks.taskMarker(runId, task.id()));
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

    private static final class Submitted {
        final CommandId id;
        int lastSeq = -1;

        Submitted(CommandId id) {
            this.id = id;
        }
    }
}
