package io.devops.platform.lifecycle;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.inventory.NodePlacement;
import io.devops.platform.inventory.NodePlacement.PlacedNode;
import io.devops.platform.inventory.NodePlacement.Pool;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /nodes/{id}/commission}: NEW (or FAILED_TESTING, to recommission) -> COMMISSIONING,
 * then TESTING when the node's facts match what is expected of it, FAILED_TESTING with the
 * differences spelled out when they do not. Against the pool given, else the node's own pool.
 */
@Service
@Transactional(isolation = Isolation.READ_COMMITTED)
class Commissioning {

    private final NodePlacement placement;
    private final NodeLifecycle lifecycle;
    private final AuditTrail audit;

    Commissioning(NodePlacement placement, NodeLifecycle lifecycle, AuditTrail audit) {
        this.placement = placement;
        this.lifecycle = lifecycle;
        this.audit = audit;
    }

    /** What commissioning found: the state it left the node in, and every difference (none: it passed). */
    record Outcome(long nodeId, NodeState lifecycle, boolean passed, String nodePool, List<String> differences) {
    }

    Outcome commission(long nodeId, Long poolId) {
        PlacedNode node = placement.node(nodeId);
        return commission(node, poolId == null ? node.pool() : placement.pool(poolId), null, false);
    }

    /**
     * A NEW node whose acceptance run starts is commissioned first, against its own pool; without
     * agent facts its GPUs are left to the run's {@code gpu_inventory} check (see
     * {@link AcceptanceFollower}, which requires that verdict before READY).
     */
    Outcome commissionForAcceptance(PlacedNode node, long runId) {
        return commission(node, node.pool(), runId, true);
    }

    private Outcome commission(PlacedNode node, Pool pool, Long runId, boolean gpusJudgedLater) {
        long nodeId = node.id();
        lifecycle.move(node, NodeState.COMMISSIONING, runId, "commissioning against pool " + pool.name());
        List<String> differences = FactsComparison.differences(node, pool.manifest(), gpusJudgedLater);
        NodeState next = differences.isEmpty() ? NodeState.TESTING : NodeState.FAILED_TESTING;
        String reason = differences.isEmpty()
                ? (gpusJudgedLater && node.facts() == null
                        ? "commissioned for acceptance run " + runId + ": no agent facts, its gpu_inventory check compares the GPUs"
                        : "commissioned: the facts match pool " + pool.name()
                                + (pool.manifest() == null ? " (no spec: the node's declared GPUs)" : "'s spec"))
                : "commissioning failed against pool " + pool.name() + ": " + String.join("; ", differences);
        lifecycle.move(node.id(), node.ip(), NodeState.COMMISSIONING, next, reason);
        audit.recordInTenant(node.pool().tenantId(), "node.commissioned", "node", nodeId, "Node " + node.ip() + ": " + reason,
                null, Map.of("lifecycle", next.name(), "differences", differences));
        return new Outcome(nodeId, next, differences.isEmpty(), pool.name(), differences);
    }
}
