package io.devops.platform.lifecycle;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.inventory.NodePlacement;
import io.devops.platform.inventory.NodePlacement.PlacedNode;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Moves nodes along the transition table and records each move; the operations team's changes by hand. */
@Service
@Transactional(isolation = Isolation.READ_COMMITTED)
class NodeLifecycle {

    private final Lifecycles lifecycles;
    private final NodePlacement placement;
    private final AuditTrail audit;
    private final Clock clock;

    NodeLifecycle(Lifecycles lifecycles, NodePlacement placement, AuditTrail audit, Clock clock) {
        this.lifecycles = lifecycles;
        this.placement = placement;
        this.audit = audit;
        this.clock = clock;
    }

    NodeState stateOf(PlacedNode node) {
        return lifecycles.current(node.id(), node.pool().tenantId());
    }

    /** One move the table allows, recorded; 409 when the table forbids it or the node changed state meanwhile. */
    Transition move(PlacedNode node, NodeState to, Long runId, String reason) {
        NodeState from = stateOf(node);
        if (!Transitions.permits(from, to)) {
            throw new ForbiddenTransition("Node " + node.ip(), from, to);
        }
        return write(node.id(), node.ip(), from, to, runId, reason, false);
    }

    /** The same move for a node already read in this transaction (the delivery gate's moves). */
    Transition move(long nodeId, String ip, NodeState from, NodeState to, String reason) {
        if (!Transitions.permits(from, to)) {
            throw new ForbiddenTransition("Node " + ip, from, to);
        }
        return write(nodeId, ip, from, to, null, reason, false);
    }

    /** An ADMIN's override of the delivery gate: the one move made outside the table, recorded as such. */
    Transition overrideInto(long nodeId, String ip, NodeState from, NodeState to, String reason) {
        return write(nodeId, ip, from, to, null, reason, true);
    }

    /** A change by hand ({@code POST /nodes/{id}/lifecycle}), audited in the node's tenant. */
    Transition change(long nodeId, NodeState to, String reason) {
        PlacedNode node = placement.node(nodeId);
        if (to.enteredByMoveOnly()) {
            throw new ConflictException("A node becomes " + to + " only by moving between pools: deliver it with POST /api/v1/nodes/"
                    + nodeId + "/deliver, release it by moving it to the spare pool");
        }
        if (to.needsReason() && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", "is required to mark a node " + to + ": say what is wrong or what is done to it");
        }
        if (to == NodeState.TESTING && stateOf(node) == NodeState.REPAIR) {
            throw new ConflictException("A repaired node is tested again only through its re-acceptance: start re-acceptance with POST "
                    + "/api/v1/nodes/" + nodeId + "/return");
        }
        Transition done = move(node, to, null, reason);
        audit.recordInTenant(node.pool().tenantId(), "node.lifecycle-changed", "node", nodeId, "Node " + node.ip() + ": "
                + done.from() + " -> " + to + (reason == null || reason.isBlank() ? "" : ": " + reason),
                Map.of("lifecycle", done.from().name()), Map.of("lifecycle", to.name()));
        return done;
    }

    @Transactional(readOnly = true)
    List<Transition> history(long nodeId) {
        placement.node(nodeId);
        return lifecycles.history(nodeId);
    }

    private Transition write(long nodeId, String ip, NodeState from, NodeState to, Long runId, String reason, boolean override) {
        Instant now = clock.instant();
        if (!lifecycles.move(nodeId, from, to, now)) {
            throw new ConflictException("Node " + ip + " changed state while this change was made (it was " + from
                    + "); read it again and retry");
        }
        Transition done = new Transition(nodeId, from, to, now, CurrentActor.name(), runId, reason, override);
        lifecycles.record(done);
        return done;
    }
}
