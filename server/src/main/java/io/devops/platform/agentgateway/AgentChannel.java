package io.devops.platform.agentgateway;

import io.devops.platform.agentgateway.AgentCommands.Outcome;
import io.devops.platform.agentgateway.AgentCommands.Pending;
import io.devops.platform.inventory.NodeRegistry;
import io.devops.platform.shared.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything an authenticated agent may do, each call checked against the node it speaks for:
 * another node's command is refused with 403 and nothing changes.
 */
@Service
@Transactional
class AgentChannel {

    static final int MAX_CHUNK_CHARS = 256 * 1024;

    private final AgentCommands commands;
    private final CommandOutput output;
    private final ScriptBlobs blobs;
    private final CommandDelivery delivery;
    private final CommandLifecycle lifecycle;
    private final NodeRegistry registry;
    private final PollPresence presence;
    private final FactsRefusals refusals;
    private final JsonMapper json;
    private final Clock clock;

    AgentChannel(AgentCommands commands, CommandOutput output, ScriptBlobs blobs, CommandDelivery delivery,
                 CommandLifecycle lifecycle, NodeRegistry registry, PollPresence presence, FactsRefusals refusals,
                 JsonMapper json, Clock clock) {
        this.commands = commands;
        this.output = output;
        this.blobs = blobs;
        this.delivery = delivery;
        this.lifecycle = lifecycle;
        this.registry = registry;
        this.presence = presence;
        this.refusals = refusals;
        this.json = json;
        this.clock = clock;
    }

    void heartbeat(AgentNode agent) {
        registry.markSeen(agent.nodeId());
        presence.written(agent.nodeId());
    }

    /** Checked outside any transaction, so that a refusal records its audit event without holding a connection. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void facts(AgentNode agent, JsonNode facts) {
        String factsJson = facts == null ? "" : json.writeValueAsString(facts);
        refusals.refuseIfAny(Facts.problems(facts, factsJson), "node " + agent.nodeId() + " (" + agent.ip() + ")",
                "node", agent.nodeId());
        registry.reportFacts(agent.nodeId(), factsJson, Facts.summarize(facts, null));
        heartbeat(agent);
    }

    /**
     * A poll: first reconciles what the agent holds (a command delivered to a request the agent
     * never saw ends LOST rather than waiting for its timeout), then answers with what is pending,
     * or holds the request (servlet async) until something is or {@code wait} has passed.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    void poll(AgentNode agent, Set<Long> held, Duration wait, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        presence.polled(agent.nodeId());
        List<Pending> pending = new ArrayList<>();
        for (Pending open : commands.openOf(agent.nodeId())) {
            if (open.status() != CommandStatus.QUEUED && !held.contains(open.id())) {
                lifecycle.finish(open.id(), agent.nodeId(), CommandStatus.LOST,
                        Outcome.because("the agent does not hold the command: it restarted or never received it"));
            } else if (open.status() == CommandStatus.QUEUED || open.status() == CommandStatus.CANCEL_REQUESTED) {
                pending.add(open);
            }
        }
        PollAnswer answer = delivery.answerNow(agent, pending);
        if (!answer.isEmpty() || wait.isZero()) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), answer);
            return;
        }
        delivery.hold(agent, request.startAsync(request, response), wait);
    }

    int appendOutput(AgentNode agent, long commandId, List<OutputChunk> chunks) {
        ownedBy(agent, commandId);
        return store(commandId, chunks);
    }

    private int store(long commandId, List<OutputChunk> chunks) {
        for (OutputChunk chunk : chunks) {
            if (chunk.seq() < 0 || chunk.content() == null || chunk.content().length() > MAX_CHUNK_CHARS
                    || !("stdout".equals(chunk.stream()) || "stderr".equals(chunk.stream()))) {
                throw new InvalidInputException("chunks", "each chunk needs seq >= 0, stream stdout or stderr, and at most "
                        + MAX_CHUNK_CHARS + " characters");
            }
        }
        return output.append(commandId, chunks, clock.instant());
    }

    /** The agent's verdict; a command the server already ended (timed out, lost) keeps its first ending. */
    CommandStatus report(AgentNode agent, long commandId, AgentResult result) {
        return finish(ownedBy(agent, commandId), result);
    }

    private CommandStatus finish(CommandState state, AgentResult result) {
        long commandId = state.id().value();
        if (!state.status().isFinal() && lifecycle.finish(commandId, state.nodeId(), result.status(),
                new Outcome(result.exitCode(), result.durationMs(), result.chunks(), result.describe(state), null))) {
            return result.status();
        }
        return commands.state(commandId).orElseThrow().status();
    }

    /**
     * Commands that ended, with their last output, carried by a poll: all or nothing, in one
     * transaction, and refused whole (403) if any of them is not this node's.
     */
    void ended(AgentNode agent, List<Ended> ended) {
        List<CommandState> states = ended.stream().map(command -> ownedBy(agent, command.id())).toList();
        for (int i = 0; i < ended.size(); i++) {
            store(ended.get(i).id(), ended.get(i).chunks());
            finish(states.get(i), ended.get(i).result());
        }
    }

    /** Ends the node's commands FAILED (those not ended yet) because their output could not be stored. */
    void failUnstored(AgentNode agent, List<Long> commandIds, Outcome outcome) {
        for (long commandId : commandIds) {
            CommandState state = ownedBy(agent, commandId);
            if (!state.status().isFinal()) {
                lifecycle.finish(commandId, state.nodeId(), CommandStatus.FAILED, outcome);
            }
        }
    }

    /** A script is readable only by a node that has a command running it. */
    @Transactional(readOnly = true)
    byte[] script(AgentNode agent, String sha256) {
        if (!commands.nodeRuns(agent.nodeId(), sha256)) {
            throw AgentRefusedException.forbidden("No command of this node runs script " + sha256);
        }
        return blobs.content(sha256).orElseThrow(() -> AgentRefusedException.forbidden("No such script: " + sha256));
    }

    private CommandState ownedBy(AgentNode agent, long commandId) {
        return commands.state(commandId)
                .filter(state -> state.nodeId() == agent.nodeId())
                .orElseThrow(() -> AgentRefusedException.forbidden("Command " + commandId + " is not addressed to this node"));
    }

    /** An ended command as a poll carries it. */
    record Ended(long id, List<OutputChunk> chunks, AgentResult result) {
    }
}
