package io.devops.platform.repair;

import io.devops.platform.agentgateway.AgentDispatch;
import io.devops.platform.agentgateway.CommandId;
import io.devops.platform.agentgateway.CommandSpec;
import io.devops.platform.agentgateway.CommandState;
import io.devops.platform.agentgateway.CommandStatus;
import io.devops.platform.agentgateway.OutputChunk;
import io.devops.platform.agentgateway.ScriptSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A repair's commands on the node, through its agent: a script with an argument list (never a
 * shell string built from data), waited for until it ends.
 */
@Component
class NodeCommands {

    private static final Duration POLL = Duration.ofMillis(300);

    private final AgentDispatch dispatch;

    NodeCommands(AgentDispatch dispatch) {
        this.dispatch = dispatch;
    }

    /** How a command ended: its final status, exit code (null when none) and its output. */
    record Ended(CommandStatus status, Integer exitCode, String output, String message) {

        boolean succeeded() {
            return status == CommandStatus.SUCCEEDED && Integer.valueOf(0).equals(exitCode);
        }

        /** One line for a repair's detail: what went wrong and the end of the output. */
        String why() {
            String tail = output.strip();
            tail = tail.length() > 600 ? tail.substring(tail.length() - 600) : tail;
            return status + (exitCode == null ? "" : " (exit " + exitCode + ")") + (message == null ? "" : ": " + message)
                    + (tail.isEmpty() ? "" : ": " + tail);
        }
    }

    Ended run(long nodeId, String script, List<String> args, Duration timeout) {
        CommandId id = dispatch.submit(nodeId, new CommandSpec(new ScriptSource.Inline(script), args, Map.of(), null, timeout));
        long deadline = System.nanoTime() + timeout.plusSeconds(30).toNanos();
        CommandState state = dispatch.status(id);
        while (!state.status().isFinal() && System.nanoTime() < deadline) {
            pause();
            state = dispatch.status(id);
        }
        String output = dispatch.output(id, -1, 5000).stream().map(OutputChunk::content).collect(Collectors.joining());
        return new Ended(state.status(), state.exitCode(), output, state.message());
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a repair command", e);
        }
    }
}
