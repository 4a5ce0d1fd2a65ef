package io.devops.platform.agentgateway;

import io.devops.platform.agentgateway.AgentCommands.Outcome;
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
    private final NodeAudit audit;
    private final Clock clock;

    AgentRevocation(AgentCredentials credentials, AgentCommands commands, CommandLifecycle lifecycle,
                    CommandDelivery delivery, NodeRegistry registry, NodeAudit audit, Clock clock) {
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
        if (credentials.latestOf(nodeId).filter(credential -> credential.revokedAt() == null).isEmpty()) {
            throw new ConflictException("Node " + node.ip() + " has no enrolled agent to revoke");
        }
        CutOff cut = cutOff(nodeId, now, actor, reason(now, actor));
        audit.record(nodeId, "agent.revoked", "node", nodeId, actor + " revoked the agent of node " + node.ip()
                + (cut.lostCommands() > 0 ? "; " + cut.lostCommands() + " unfinished command(s) ended LOST" : ""), null,
                Map.of("credentials", cut.credentials()));
        return cut.credentials();
    }

    /**
     * Revokes the node's credentials, ends its unfinished commands LOST with {@code lostBecause}, and
     * drops its held poll once this transaction commits.
     */
    CutOff cutOff(long nodeId, Instant now, String by, String lostBecause) {
        int revoked = credentials.revokeAllOf(nodeId, now, by);
        int lost = 0;
        for (Long id : commands.unfinishedOf(nodeId)) {
            if (lifecycle.finish(id, nodeId, CommandStatus.LOST, Outcome.because(lostBecause))) {
                lost++;
            }
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                delivery.disconnect(nodeId);
            }
        });
        return new CutOff(revoked, lost);
    }

    /** How many live credentials were revoked and unfinished commands ended. */
    record CutOff(int credentials, int lostCommands) {
    }

    /** Why a revoked node's commands end: the same words wherever they are ended (here, the sweep, a run). */
    static String reason(Instant revokedAt, String revokedBy) {
        return "the node's agent was revoked at " + revokedAt + " by " + revokedBy;
    }
}
