package io.devops.platform.lifecycle;

import io.devops.platform.inventory.NodePlacement;
import io.devops.platform.inventory.NodePlacement.PlacedNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** {@link RepairStates} on the transition table: conditional writes, so that of two changes at once one wins. */
@Service
@Transactional(isolation = Isolation.READ_COMMITTED)
class RepairMoves implements RepairStates {

    private final Lifecycles lifecycles;
    private final NodePlacement placement;
    private final Clock clock;

    RepairMoves(Lifecycles lifecycles, NodePlacement placement, Clock clock) {
        this.lifecycles = lifecycles;
        this.placement = placement;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public String state(long nodeId) {
        return current(placement.node(nodeId)).name();
    }

    @Override
    @Transactional(readOnly = true)
    public long inRepair(java.util.Collection<Long> nodeIds) {
        // A node without a stored state is where its pool puts it (NEW or DELIVERED), never in REPAIR.
        return lifecycles.stored(nodeIds).values().stream().filter(state -> state == NodeState.REPAIR).count();
    }

    @Override
    public Optional<String> enterRepair(long nodeId, String actor, String reason) {
        NodeState from = current(placement.node(nodeId));
        return moved(nodeId, from, NodeState.REPAIR, actor, reason) ? Optional.of(from.name()) : Optional.empty();
    }

    @Override
    public boolean enterRma(long nodeId, String actor, String reason) {
        NodeState from = current(placement.node(nodeId));
        if (from == NodeState.FAILED_TESTING && !moved(nodeId, from, NodeState.REPAIR, actor, reason)) {
            return false;
        }
        return moved(nodeId, from == NodeState.FAILED_TESTING ? NodeState.REPAIR : from, NodeState.RMA, actor, reason);
    }

    private NodeState current(PlacedNode node) {
        return lifecycles.current(node.id(), node.pool().tenantId());
    }

    private boolean moved(long nodeId, NodeState from, NodeState to, String actor, String reason) {
        if (!Transitions.permits(from, to)) {
            return false;
        }
        Instant now = clock.instant();
        if (!lifecycles.move(nodeId, from, to, now)) {
            return false;
        }
        lifecycles.record(new Transition(nodeId, from, to, now, actor, null, reason, false));
        return true;
    }
}
