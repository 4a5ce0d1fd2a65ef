package io.devops.platform.lifecycle;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.inventory.NodeDeliveries;
import io.devops.platform.inventory.NodePlacement;
import io.devops.platform.inventory.NodePlacement.PlacedNode;
import io.devops.platform.inventory.NodePlacement.Pool;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /nodes/{id}/deliver}: the node moves into the tenant's pool only when nothing is
 * missing, or when an ADMIN overrides the gate with a comment (the controller checks the role); the
 * override, its comment and what was missing are in the history, the audit trail and on the node.
 */
@Service
@Transactional(isolation = Isolation.READ_COMMITTED)
class Delivery {

    private final NodePlacement placement;
    private final NodeLifecycle lifecycle;
    private final DeliveryRules rules;
    private final NodeDeliveries deliveries;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    Delivery(NodePlacement placement, NodeLifecycle lifecycle, DeliveryRules rules, NodeDeliveries deliveries, AuditTrail audit,
             ApplicationEventPublisher events) {
        this.placement = placement;
        this.lifecycle = lifecycle;
        this.rules = rules;
        this.deliveries = deliveries;
        this.audit = audit;
        this.events = events;
    }

    /** A request to deliver; {@code comment} is required with {@code override}. */
    record Order(long poolId, boolean override, String comment) {
    }

    Object deliver(long nodeId, Order order) {
        PlacedNode node = placement.node(nodeId);
        Pool pool = placement.pool(order.poolId());
        if (pool.tenantId() == null) {
            throw new InvalidInputException("nodePoolId", "pool " + pool.name() + " belongs to no tenant: deliver into a tenant's"
                    + " pool (a node returns to the spare pool by being released)");
        }
        if (order.override() && (order.comment() == null || order.comment().isBlank())) {
            throw new InvalidInputException("comment", "is required with an override: say why the node is delivered anyway");
        }
        NodeState state = lifecycle.stateOf(node);
        if (state == NodeState.DELIVERED) {
            throw new ConflictException("Node " + node.ip() + " is already DELIVERED (pool " + node.pool().name()
                    + "): release it first by moving it to the spare pool");
        }
        List<String> missing = rules.missing(node, state, pool);
        if (!missing.isEmpty() && !order.override()) {
            throw new ConflictException("Node " + node.ip() + " cannot be delivered into pool " + pool.name() + ": "
                    + String.join("; ", missing) + " (an ADMIN may override with a comment)", Map.of("missing", missing));
        }
        deliveries.deliver(nodeId, pool.id(), order.override() ? "delivered by override: " + order.comment() : "delivered");
        if (missing.isEmpty()) {
            Transition done = lifecycle.move(nodeId, node.ip(), state, NodeState.DELIVERED, "delivered into pool " + pool.name());
            events.publishEvent(delivered(done, pool));
            audit.recordInTenant(pool.tenantId(), "node.delivered", "node", nodeId, "Delivered node " + node.ip() + " into pool "
                    + pool.name(), Map.of("lifecycle", state.name()), Map.of("lifecycle", "DELIVERED", "nodePoolId", pool.id()));
        } else {
            String reason = "override by " + CurrentActor.name() + ": " + order.comment() + " (missing: " + String.join("; ", missing) + ")";
            events.publishEvent(delivered(lifecycle.overrideInto(nodeId, node.ip(), state, NodeState.DELIVERED, reason), pool));
            audit.recordInTenant(pool.tenantId(), "node.delivery-overridden", "node", nodeId, "Delivered node " + node.ip()
                    + " into pool " + pool.name() + " by override: " + order.comment(), Map.of("lifecycle", state.name(), "missing", missing),
                    Map.of("lifecycle", "DELIVERED", "nodePoolId", pool.id(), "comment", order.comment()));
        }
        return deliveries.shown(nodeId);
    }

    static NodeDelivered delivered(Transition done, Pool pool) {
        return new NodeDelivered(done.nodeId(), pool.tenantId(), pool.id(), pool.name(), done.at(), done.actor(), done.override(),
                done.reason());
    }
}
