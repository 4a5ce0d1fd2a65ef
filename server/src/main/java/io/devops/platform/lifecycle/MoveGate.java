package io.devops.platform.lifecycle;

import io.devops.platform.inventory.DeliveryGate;
import io.devops.platform.inventory.NodePlacement;
import io.devops.platform.inventory.NodePlacement.PlacedNode;
import io.devops.platform.inventory.NodePlacement.Pool;
import io.devops.platform.shared.ConflictException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The delivery gate on the inventory's own moves: a node entering a tenant's pool is delivered only
 * when {@link DeliveryRules} finds nothing missing (no override here: that is
 * {@code POST /nodes/{id}/deliver}'s, with a comment); a delivered node leaving for the spare pool is
 * released (DELIVERED -> RELEASING -> NEW). A delivered node may move between its tenant's pools;
 * moving it to another tenant is a release and a delivery. All or nothing: one refusal and no node moves.
 */
@Component
class MoveGate implements DeliveryGate {

    private final NodeLifecycle lifecycle;
    private final DeliveryRules rules;
    private final NodePlacement placement;
    private final ApplicationEventPublisher events;

    MoveGate(NodeLifecycle lifecycle, DeliveryRules rules, NodePlacement placement, ApplicationEventPublisher events) {
        this.lifecycle = lifecycle;
        this.rules = rules;
        this.placement = placement;
        this.events = events;
    }

    @Override
    public void admitMove(List<Arrival> arrivals, String reason) {
        List<String> refusals = new ArrayList<>();
        Map<Arrival, NodeState> states = new LinkedHashMap<>();
        for (Arrival arrival : arrivals) {
            PlacedNode node = placement.node(arrival.nodeId());
            NodeState state = lifecycle.stateOf(node);
            states.put(arrival, state);
            refusal(arrival, node, state).ifPresent(refusals::add);
        }
        if (!refusals.isEmpty()) {
            throw new ConflictException("Nothing was moved: " + String.join("; ", refusals.stream().limit(10).toList())
                    + (refusals.size() > 10 ? "; and " + (refusals.size() - 10) + " more" : ""), Map.of("refusals", refusals));
        }
        String why = reason == null || reason.isBlank() ? "" : ": " + reason;
        states.forEach((arrival, state) -> record(arrival, state, why));
    }

    private java.util.Optional<String> refusal(Arrival arrival, PlacedNode node, NodeState state) {
        if (arrival.to().tenantId() == null || (state == NodeState.DELIVERED && Objects.equals(arrival.from().tenantId(),
                arrival.to().tenantId()))) {
            return java.util.Optional.empty();
        }
        if (state == NodeState.DELIVERED) {
            return java.util.Optional.of("node " + arrival.ip() + " is delivered to another tenant: release it first (move it"
                    + " to the spare pool), then deliver it");
        }
        Pool target = placement.pool(arrival.to().poolId());
        List<String> missing = rules.missing(node, state, target);
        if (missing.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("node " + arrival.ip() + " cannot be delivered into pool " + target.name() + ": "
                + String.join("; ", missing) + " (POST /api/v1/nodes/" + arrival.nodeId() + "/deliver delivers it once it"
                + " passes; an ADMIN may override there with a comment)");
    }

    private void record(Arrival arrival, NodeState state, String why) {
        boolean intoTenant = arrival.to().tenantId() != null;
        if (intoTenant && state != NodeState.DELIVERED) {
            Transition done = lifecycle.move(arrival.nodeId(), arrival.ip(), state, NodeState.DELIVERED, "moved into pool "
                    + arrival.to().poolName() + why);
            events.publishEvent(new NodeDelivered(done.nodeId(), arrival.to().tenantId(), arrival.to().poolId(), arrival.to().poolName(),
                    done.at(), done.actor(), false, done.reason()));
        } else if (!intoTenant && state == NodeState.DELIVERED) {
            release(arrival, why);
        }
    }

    /** The platform has no wipe step yet: releasing ends at once in NEW, where the node is commissioned again. */
    private void release(Arrival arrival, String why) {
        lifecycle.move(arrival.nodeId(), arrival.ip(), NodeState.DELIVERED, NodeState.RELEASING,
                "released from pool " + arrival.from().poolName() + why);
        lifecycle.move(arrival.nodeId(), arrival.ip(), NodeState.RELEASING, NodeState.NEW,
                "back in pool " + arrival.to().poolName() + ": commission and test it before its next delivery");
    }
}
