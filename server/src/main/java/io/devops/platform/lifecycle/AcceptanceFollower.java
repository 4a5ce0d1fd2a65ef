package io.devops.platform.lifecycle;

import io.devops.platform.acceptance.AcceptanceVerdicts;
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
 * Follows the acceptance runs: a node whose checks start goes to TESTING (a NEW one is commissioned
 * first), and when its run has judged it, to READY (PASS, WARN) or FAILED_TESTING (the event's
 * reason), each with the run's id. READY also needs a passing {@code gpu_inventory} verdict of that
 * run: a node whose GPUs were never compared with the inventory is not ready, whatever else passed.
 * After the publisher's commit and in a transaction of its own, so a run's records never wait for
 * or roll back with the lifecycle; a move the table forbids (a NEW node not yet commissioned, a
 * DELIVERED one) is left out and logged, the verdicts being stored anyway.
 */
@Component
class AcceptanceFollower {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptanceFollower.class);

    static final String INVENTORY_CHECK = "gpu_inventory";

    private final NodePlacement placement;
    private final NodeLifecycle lifecycle;
    private final Commissioning commissioning;
    private final AcceptanceVerdicts verdicts;

    AcceptanceFollower(NodePlacement placement, NodeLifecycle lifecycle, Commissioning commissioning, AcceptanceVerdicts verdicts) {
        this.placement = placement;
        this.lifecycle = lifecycle;
        this.commissioning = commissioning;
        this.verdicts = verdicts;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(NodeAcceptanceStarted started) {
        try {
            PlacedNode node = placement.node(started.nodeId());
            if (lifecycle.stateOf(node) == NodeState.NEW) {
                commissioning.commissionForAcceptance(node, started.runId());
                return;
            }
        } catch (PlatformException refused) {
            LOG.warn("Node {} not commissioned for run {}: {}", started.nodeId(), started.runId(), refused.getMessage());
            return;
        }
        follow(started.nodeId(), NodeState.TESTING, started.runId(), "acceptance run " + started.runId() + " started");
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(NodeAcceptanceConcluded concluded) {
        boolean passed = concluded.verdict().passes() && inventoryJudged(concluded);
        String reason = "acceptance run " + concluded.runId() + ": " + concluded.verdict()
                + (concluded.reason() == null || concluded.reason().isBlank() ? "" : ": " + concluded.reason())
                + (concluded.verdict().passes() && !passed ? ": no passing " + INVENTORY_CHECK + " verdict in this run, so the node's"
                        + " GPUs were never compared with the inventory (run the acceptance role with " + INVENTORY_CHECK + ")" : "");
        follow(concluded.nodeId(), passed ? NodeState.READY : NodeState.FAILED_TESTING, concluded.runId(), reason);
    }

    private boolean inventoryJudged(NodeAcceptanceConcluded concluded) {
        return verdicts.ofRun(concluded.runId()).stream().anyMatch(verdict -> verdict.nodeId() == concluded.nodeId()
                && INVENTORY_CHECK.equals(verdict.result().check()) && verdict.result().verdict().passes());
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
