package io.devops.platform.agentgateway;

import io.devops.platform.agentgateway.AgentCommands.Outcome;
import io.devops.platform.agentgateway.AgentCommands.Pending;
import io.devops.platform.agentgateway.AgentCommands.Silent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The server's side of timeouts: a command whose agent went silent ends LOST ("agent offline
 * since …"), one without a result past its deadline ends TIMED_OUT. Every instance sweeps; the
 * conditional update lets exactly one of them end each command.
 */
@Component
class CommandTimeouts {

    private final AgentCommands commands;
    private final CommandLifecycle lifecycle;
    private final Clock clock;
    private final Duration offlineAfter;
    private final Duration interval;

    CommandTimeouts(AgentCommands commands, CommandLifecycle lifecycle, Clock clock,
                    @Value("${devops.agent.offline-after:90s}") Duration offlineAfter,
                    @Value("${devops.agent.sweep-interval:2s}") Duration interval) {
        this.commands = commands;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.offlineAfter = offlineAfter;
        this.interval = interval;
    }

    Duration interval() {
        return interval;
    }

    void sweep() {
        Instant now = clock.instant();
        for (Silent silent : commands.onSilentNodes(now.minus(offlineAfter))) {
            lifecycle.finish(silent.id(), silent.nodeId(), CommandStatus.LOST, Outcome.because(silent.lastSeenAt() == null
                    ? "agent offline: no agent has ever reported from this node"
                    : "agent offline since " + silent.lastSeenAt()));
        }
        for (Pending late : commands.pastDeadline(now)) {
            lifecycle.finish(late.id(), late.nodeId(), CommandStatus.TIMED_OUT, Outcome.because(late.status() == CommandStatus.QUEUED
                    ? "timed out before the node's agent picked the command up"
                    : "timed out: no result from the agent within the command's timeout plus "
                            + CommandDelivery.GRACE_SECONDS + " s"));
        }
    }
}
