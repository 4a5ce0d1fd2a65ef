package io.devops.platform.inventory;

import org.springframework.stereotype.Service;

/**
 * The lifecycle's delivery in the inventory: moves a node into a pool once the lifecycle's gate has
 * admitted it (or an ADMIN overrode it), and shows the node as {@code GET /nodes/{id}} does.
 */
@Service
public class NodeDeliveries {

    private final NodeMoves moves;
    private final NodeService nodes;

    NodeDeliveries(NodeMoves moves, NodeService nodes) {
        this.moves = moves;
        this.nodes = nodes;
    }

    /** Every other rule of a move (locks, runs using the node) still applies; the gate is not asked again. */
    public void deliver(long nodeId, long poolId, String reason) {
        moves.moveAdmitted(nodeId, poolId, reason);
    }

    /** The node as its own page shows it (the JSON of {@code GET /api/v1/nodes/{id}}), scoped the same way. */
    public Object shown(long nodeId) {
        return nodes.get(nodeId);
    }
}
