package io.devops.platform.agentgateway;

import io.devops.platform.agentgateway.AgentCommands.Outcome;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.inventory.NodeRegistry;
import io.devops.platform.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the run engine (and the API) use to run commands on nodes through their agents. Commands
 * live in the database: any instance delivers them to the agent's long-poll, whichever instance
 * submitted them. Each ends exactly once, with an {@link AgentCommandFinished} event.
 */
@Service
@Transactional
public class AgentDispatch {

    private final AgentCommands commands;
    private final CommandOutput output;
    private final ScriptBlobs blobs;
    private final AgentCredentials credentials;
    private final NodeRegistry registry;
    private final CommandLifecycle lifecycle;
    private final CommandDelivery delivery;
    private final JsonMapper json;
    private final Clock clock;

    AgentDispatch(AgentCommands commands, CommandOutput output, ScriptBlobs blobs, AgentCredentials credentials,
                  NodeRegistry registry, CommandLifecycle lifecycle, CommandDelivery delivery, JsonMapper json, Clock clock) {
        this.commands = commands;
        this.output = output;
        this.blobs = blobs;
        this.credentials = credentials;
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.delivery = delivery;
        this.json = json;
        this.clock = clock;
    }

    /** Stores a script and names it by the SHA-256 of its bytes (UTF-8). */
    public String storeScript(String content) {
        return blobs.store(content.getBytes(StandardCharsets.UTF_8), clock.instant());
    }

    /**
     * Queues a command for the node's agent. It is delivered at the agent's next poll (at once if
     * it is waiting); if the agent does not take it within the timeout it ends TIMED_OUT, and if the
     * agent is offline it ends LOST.
     */
    public CommandId submit(long nodeId, CommandSpec spec) {
        registry.get(nodeId);
        String sha = scriptOf(spec.script());
        Instant now = clock.instant();
        long id = commands.insert(nodeId, sha, json.writeValueAsString(spec.args()), json.writeValueAsString(spec.env()),
                spec.workdir(), (int) spec.timeout().toSeconds(), spec.runAs(), now.plus(spec.timeout()), now,
                CurrentActor.name());
        afterCommit(delivery::wake);
        return new CommandId(id);
    }

    /**
     * Queues the same command for many nodes in one transaction (one wake-up of the delivery loop),
     * with each node's own environment; ids in the order of {@code envByNode}. The nodes must exist.
     */
    public List<CommandId> submitAll(CommandSpec common, Map<Long, Map<String, String>> envByNode) {
        String sha = scriptOf(common.script());
        Instant now = clock.instant();
        String args = json.writeValueAsString(common.args());
        String actor = CurrentActor.name();
        List<CommandId> ids = new ArrayList<>(envByNode.size());
        envByNode.forEach((nodeId, env) -> ids.add(new CommandId(commands.insert(nodeId, sha, args, json.writeValueAsString(env),
                common.workdir(), (int) common.timeout().toSeconds(), common.runAs(), now.plus(common.timeout()), now,
                actor))));
        afterCommit(delivery::wake);
        return ids;
    }

    /**
     * Which of these nodes' agents were revoked (and have not enrolled again), each with the reason
     * a command for it would end with: "the node's agent was revoked at … by …". Such an agent
     * never takes a command, so a caller fails the node at once rather than waiting for a timeout.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> revokedAmong(Collection<Long> nodeIds) {
        return credentials.revokedAmong(nodeIds);
    }

    /** Follows these commands' output and ends with two queries a poll, however many there are. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public CommandWatch watch(Collection<CommandId> ids) {
        return new CommandWatch(commands, output, ids, clock.instant());
    }

    @Transactional(readOnly = true)
    public CommandState status(CommandId id) {
        return commands.state(id.value()).orElseThrow(() -> new NotFoundException("Agent command", id));
    }

    /** Output chunks after {@code afterSeq} (-1 for all), in order, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<OutputChunk> output(CommandId id, int afterSeq, int limit) {
        status(id);
        return output.after(id.value(), afterSeq, Math.max(1, Math.min(limit, 5000)));
    }

    /**
     * Cancels a command: one not yet delivered ends CANCELLED at once; a running one is killed by
     * its agent (the whole process tree) at its next poll, which is held open, so within a second.
     */
    public CommandState cancel(CommandId id) {
        CommandState state = status(id);
        String actor = CurrentActor.name();
        if (state.status() == CommandStatus.QUEUED) {
            lifecycle.finish(id.value(), state.nodeId(), CommandStatus.CANCELLED,
                    new Outcome(null, null, null, "cancelled by " + actor + " before the agent received it", actor));
        }
        if (commands.requestCancel(id.value(), clock.instant(), actor)) {
            afterCommit(delivery::wake);
        }
        return status(id);
    }

    /**
     * Cancels every open command whose environment sets {@code variable} to {@code value}: the
     * commands of a run step whose server was killed, found again after its restart.
     *
     * @return how many were cancelled
     */
    public int cancelMarked(String variable, String value) {
        List<Long> ids = commands.openWithEnvironmentEntry(json.writeValueAsString(Map.of(variable, value)));
        ids.forEach(id -> cancel(new CommandId(id)));
        return ids.size();
    }

    private String scriptOf(ScriptSource script) {
        if (script instanceof ScriptSource.Inline inline) {
            return storeScript(inline.content());
        }
        String sha = ((ScriptSource.Stored) script).sha256();
        if (!blobs.exists(sha)) {
            throw new NotFoundException("Script", sha);
        }
        return sha;
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
