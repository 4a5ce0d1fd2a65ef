package io.devops.platform.lifecycle;

import io.devops.platform.acceptance.NodeAcceptanceConcluded;
import io.devops.platform.acceptance.NodeAcceptanceStarted;
import io.devops.platform.inventory.NodePlacement;
import io.devops.platform.inventory.NodePlacement.PlacedNode;
import io.devops.platform.shared.PlatformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Follows the acceptance runs: a node whose checks start goes to TESTING, and when its run has
 * judged it, to READY (PASS, WARN) or FAILED_TESTING (the event's reason), each with the run's id.
 * After the publisher's commit and in a transaction of its own, so a run's records never wait for
 * or roll back with the lifecycle; a move the table forbids (a NEW node not yet commissioned, a
 * DELIVERED one) is left out and logged, the verdicts being stored anyway.
 */
@Component
class AcceptanceFollower {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptanceFollower.class);

    private final NodePlacement placement;
    private final NodeLifecycle lifecycle;

    AcceptanceFollower(NodePlacement placement, NodeLifecycle lifecycle) {
        this.placement = placement;
        this.lifecycle = lifecycle;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(NodeAcceptanceStarted started) {
        follow(started.nodeId(), NodeState.TESTING, started.runId(), "acceptance run " + started.runId() + " started");
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(NodeAcceptanceConcluded concluded) {
        boolean passed = concluded.verdict().passes();
        String reason = "acceptance run " + concluded.runId() + ": " + concluded.verdict()
                + (concluded.reason() == null || concluded.reason().isBlank() ? "" : ": " + concluded.reason());
        follow(concluded.nodeId(), passed ? NodeState.READY : NodeState.FAILED_TESTING, concluded.runId(), reason);
    }

    private void follow(long nodeId, NodeState to, long runId, String reason) {
        try {
            PlacedNode node = placement.node(nodeId);
            NodeState from = lifecycle.stateOf(node);
            if (!Transitions.permits(from, to)) {
                LOG.info("Node {} stays {}: {} (the lifecycle does not go from {} to {})", node.ip(), from, reason, from, to);
                return;
            }
            lifecycle.move(node, to, runId, reason);
        } catch (PlatformException refused) {
            LOG.warn("Node {} not moved to {} after run {}: {}", nodeId, to, runId, refused.getMessage());
        }
    }
}
