package io.devops.platform.agentgateway;

import io.devops.platform.agentgateway.AgentCommands.Outcome;
import io.devops.platform.agentgateway.AgentCommands.Pending;
import io.devops.platform.agentgateway.AgentCommands.Silent;
import io.devops.platform.agentgateway.AgentCommands.Unconfirmed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The server's side of timeouts: a command whose agent went silent ends LOST ("agent offline
 * since …"), as does one whose node was deleted or whose agent was revoked; one without a result
 * past its deadline ends TIMED_OUT; one whose cancel its agent has not confirmed within
 * {@code devops.agent.cancel-grace} ends CANCELLED, abandoned. Every instance sweeps; the
 * conditional update lets exactly one of them end each command.
 */
@Component
class CommandTimeouts {

    private final AgentCommands commands;
    private final AgentCredentials credentials;
    private final CommandLifecycle lifecycle;
    private final Clock clock;
    private final Duration offlineAfter;
    private final Duration interval;
    private final Duration cancelGrace;

    CommandTimeouts(AgentCommands commands, AgentCredentials credentials, CommandLifecycle lifecycle, Clock clock,
                    @Value("${devops.agent.offline-after:90s}") Duration offlineAfter,
                    @Value("${devops.agent.sweep-interval:2s}") Duration interval,
                    @Value("${devops.agent.cancel-grace:30s}") Duration cancelGrace) {
        this.commands = commands;
        this.credentials = credentials;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.offlineAfter = offlineAfter;
        this.interval = interval;
        this.cancelGrace = cancelGrace;
    }

    Duration interval() {
        return interval;
    }

    void sweep() {
        Instant now = clock.instant();
        for (Silent silent : commands.onSilentNodes(now.minus(offlineAfter))) {
            lifecycle.finish(silent.id(), silent.nodeId(), CommandStatus.LOST, Outcome.because(silent.nodeGone()
                    ? "the node was deleted: its agent cannot be reached any more"
                    : silent.lastSeenAt() == null
                    ? "agent offline: no agent has ever reported from this node"
                    : "agent offline since " + silent.lastSeenAt()));
        }
        endCommandsOfRevokedAgents();
        for (Unconfirmed cancel : commands.cancelUnconfirmedSince(now.minus(cancelGrace))) {
            lifecycle.finish(cancel.id(), cancel.nodeId(), CommandStatus.CANCELLED, new Outcome(null, null, null,
                    "abandoned: cancel requested at " + cancel.requestedAt() + " by " + cancel.requestedBy()
                            + ", and the node's agent did not confirm within " + describe(cancelGrace)
                            + "; its process may still be running on the node", cancel.requestedBy()));
        }
        for (Pending late : commands.pastDeadline(now)) {
            lifecycle.finish(late.id(), late.nodeId(), CommandStatus.TIMED_OUT, Outcome.because(late.status() == CommandStatus.QUEUED
                    ? "timed out before the node's agent picked the command up"
                    : "timed out: no result from the agent within the command's timeout plus "
                            + CommandDelivery.GRACE_SECONDS + " s"));
        }
    }

    /** A revocation ends its node's open commands itself; this catches one queued in the same instant. */
    private void endCommandsOfRevokedAgents() {
        List<Pending> stranded = commands.onRevokedAgents();
        if (stranded.isEmpty()) {
            return;
        }
        Map<Long, String> reasons = credentials.revokedAmong(stranded.stream().map(Pending::nodeId).toList());
        for (Pending command : stranded) {
            String reason = reasons.get(command.nodeId());
            if (reason != null) { // null: the agent enrolled again since the first query
                lifecycle.finish(command.id(), command.nodeId(), CommandStatus.LOST, Outcome.because(reason));
            }
        }
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
