package io.devops.platform.agentgateway;

import io.devops.platform.agentgateway.AgentCredentials.CredentialView;
import io.devops.platform.inventory.NodeRegistry;
import io.devops.platform.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A node's agent as users see it: its credential, revoking it, and ad-hoc commands (like
 * {@code salt 'node' cmd.run}) with their output and cancellation. Runs use {@link AgentDispatch} directly.
 */
@RestController
@Transactional
class NodeAgentController {

    private final AgentCredentials credentials;
    private final AgentCommands commands;
    private final AgentRevocation revocation;
    private final AgentDispatch dispatch;
    private final NodeRegistry registry;
    private final NodeAudit audit;
    private final AdHocCommandGuard guard;

    NodeAgentController(AgentCredentials credentials, AgentCommands commands, AgentRevocation revocation,
                        AgentDispatch dispatch, NodeRegistry registry, NodeAudit audit, AdHocCommandGuard guard) {
        this.guard = guard;
        this.credentials = credentials;
        this.commands = commands;
        this.revocation = revocation;
        this.dispatch = dispatch;
        this.registry = registry;
        this.audit = audit;
    }

    @GetMapping("/api/v1/nodes/{id}/agent")
    AgentView agent(@PathVariable long id) {
        registry.get(id);
        return new AgentView(id, credentials.latestOf(id).orElse(null), commands.recentOfNode(id, 20));
    }

    @PostMapping("/api/v1/nodes/{id}/agent/revoke")
    AgentView revoke(@PathVariable long id) {
        revocation.revoke(id);
        return agent(id);
    }

    @PostMapping("/api/v1/nodes/{id}/agent/commands")
    @ResponseStatus(HttpStatus.CREATED)
    CommandState run(@PathVariable long id, @Valid @RequestBody CommandRequest request) {
        if ((request.script() == null) == (request.scriptSha256() == null)) {
            throw new InvalidInputException("script", "give either script (its text) or scriptSha256");
        }
        registry.get(id);
        guard.requireFree(List.of(id));
        ScriptSource script = request.script() != null
                ? new ScriptSource.Inline(request.script()) : new ScriptSource.Stored(request.scriptSha256());
        CommandId command = dispatch.submit(id, new CommandSpec(script, request.args(), request.env(), request.workdir(),
                Duration.ofSeconds(request.timeoutSeconds()), request.runAs()));
        CommandState state = dispatch.status(command);
        audit.record(id, "agent-command.submitted", "agent-command", command, "Command " + command + " sent to node " + id,
                null, Map.of("nodeId", id, "scriptSha256", state.scriptSha256(), "args", request.args() == null ? List.of() : request.args()));
        return state;
    }

    /** The same command on many nodes at once (like {@code salt '*' cmd.run}): one request, one audit event. */
    @PostMapping("/api/v1/agent-commands")
    @ResponseStatus(HttpStatus.CREATED)
    FanOut runOnMany(@Valid @RequestBody FanOutRequest request) {
        CommandRequest command = request.command();
        if ((command.script() == null) == (command.scriptSha256() == null)) {
            throw new InvalidInputException("script", "give either script (its text) or scriptSha256");
        }
        guard.requireFree(request.nodeIds().stream().distinct().toList());
        String sha = command.script() != null ? dispatch.storeScript(command.script()) : command.scriptSha256();
        CommandSpec spec = new CommandSpec(new ScriptSource.Stored(sha), command.args(), command.env(), command.workdir(),
                Duration.ofSeconds(command.timeoutSeconds()), command.runAs());
        List<FanOut.Sent> sent = request.nodeIds().stream().distinct()
                .map(node -> new FanOut.Sent(node, dispatch.submit(node, spec).value())).toList();
        audit.record(sent.stream().map(FanOut.Sent::nodeId).toList(), "agent-command.submitted", "agent-command",
                sent.get(0).commandId(), "Command sent to " + sent.size() + " node(s), ids " + sent.get(0).commandId() + "…"
                        + sent.get(sent.size() - 1).commandId(), null, Map.of("nodes", sent.size(), "scriptSha256", sha));
        return new FanOut(sha, sent);
    }

    @GetMapping("/api/v1/agent-commands/{id}")
    CommandState command(@PathVariable long id) {
        return dispatch.status(new CommandId(id));
    }

    @GetMapping("/api/v1/agent-commands/{id}/output")
    List<OutputChunk> output(@PathVariable long id, @RequestParam(defaultValue = "-1") int afterSeq,
                             @RequestParam(defaultValue = "1000") int limit) {
        return dispatch.output(new CommandId(id), afterSeq, limit);
    }

    @PostMapping("/api/v1/agent-commands/{id}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CommandState cancel(@PathVariable long id) {
        CommandState before = dispatch.status(new CommandId(id));
        CommandState after = dispatch.cancel(new CommandId(id));
        if (!before.status().isFinal()) {
            audit.record(before.nodeId(), "agent-command.cancelled", "agent-command", id, "Cancel of command " + id + " on node "
                    + before.nodeId() + " requested", before.status(), after.status());
        }
        return after;
    }

    record CommandRequest(@Size(max = 1_000_000) String script, String scriptSha256, @Size(max = 200) List<String> args,
                          @Size(max = 100) Map<String, String> env, @Size(max = 1024) String workdir,
                          @NotNull @Min(1) @Max(172_800) Integer timeoutSeconds, String runAs) {
    }

    record FanOutRequest(@NotNull @Size(min = 1, max = 10_000) List<Long> nodeIds, @NotNull @Valid CommandRequest command) {
    }

    record FanOut(String scriptSha256, List<Sent> commands) {

        record Sent(long nodeId, long commandId) {
        }
    }

    record AgentView(long nodeId, CredentialView credential, List<CommandState> recentCommands) {
    }
}
