package io.devops.platform.agentgateway;

import io.devops.platform.agentgateway.AgentCommands.Outcome;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.inventory.NodeRegistry;
import io.devops.platform.shared.ConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Cuts a node's agent off: its credential is refused from the next request on, its commands end LOST. */
@Service
@Transactional
class AgentRevocation {

    private final AgentCredentials credentials;
    private final AgentCommands commands;
    private final CommandLifecycle lifecycle;
    private final CommandDelivery delivery;
    private final NodeRegistry registry;
    private final AuditTrail audit;
    private final Clock clock;

    AgentRevocation(AgentCredentials credentials, AgentCommands commands, CommandLifecycle lifecycle,
                    CommandDelivery delivery, NodeRegistry registry, AuditTrail audit, Clock clock) {
        this.credentials = credentials;
        this.commands = commands;
        this.lifecycle = lifecycle;
        this.delivery = delivery;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    int revoke(long nodeId) {
        var node = registry.get(nodeId);
        String actor = CurrentActor.name();
        Instant now = clock.instant();
        int revoked = credentials.revokeAllOf(nodeId, now, actor);
        if (revoked == 0) {
            throw new ConflictException("Node " + node.ip() + " has no enrolled agent to revoke");
        }
        int lost = 0;
        for (Long id : commands.unfinishedOf(nodeId)) {
            if (lifecycle.finish(id, nodeId, CommandStatus.LOST, Outcome.because(reason(now, actor)))) {
                lost++;
            }
        }
        audit.record("agent.revoked", "node", nodeId, actor + " revoked the agent of node " + node.ip()
                + (lost > 0 ? "; " + lost + " unfinished command(s) ended LOST" : ""), null, Map.of("credentials", revoked));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                delivery.disconnect(nodeId);
            }
        });
        return revoked;
    }

    /** Why a revoked node's commands end: the same words wherever they are ended (here, the sweep, a run). */
    static String reason(Instant revokedAt, String revokedBy) {
        return "the node's agent was revoked at " + revokedAt + " by " + revokedBy;
    }
}
