package io.devops.platform.inventory;

import io.devops.platform.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the lifecycle module reads and does in the inventory: a node with its pool and agent facts,
 * and a pool with its manifest, both scoped like the inventory's own reads (another tenant's is a 404).
 * Reads only: the delivery gate, which every move asks, uses it ({@link NodeDeliveries} moves).
 */
@Service
@Transactional(isolation = Isolation.READ_COMMITTED)
public class NodePlacement {

    private final Nodes nodes;
    private final NodePools pools;
    private final PoolManifests manifests;
    private final InventoryAccess access;
    private final JsonMapper json;

    NodePlacement(Nodes nodes, NodePools pools, PoolManifests manifests, InventoryAccess access, JsonMapper json) {
        this.nodes = nodes;
        this.pools = pools;
        this.manifests = manifests;
        this.access = access;
        this.json = json;
    }

    /**
     * A node as placed in its pool; {@code facts} is what its agent last reported (null: none),
     * {@code gpuType}/{@code gpuCount} what the inventory declares.
     */
    public record PlacedNode(long id, String ip, String gpuType, Integer gpuCount, Pool pool, JsonNode facts) {
    }

    /** A pool; {@code tenantId} null for the spare pool; {@code manifest} null when it declares none. */
    public record Pool(long id, String name, Long tenantId, boolean spare, PoolManifest manifest) {
    }

    @Transactional(readOnly = true)
    public PlacedNode node(long id) {
        NodeView node = nodes.byId(id).orElseThrow(() -> new NotFoundException("Node", id));
        access.requireVisible(node.tenantId(), "Node", id);
        return new PlacedNode(node.id(), node.ip(), node.gpuType(), node.gpuCount(), pool(node.nodePoolId()),
                nodes.facts(id).map(json::readTree).orElse(null));
    }

    @Transactional(readOnly = true)
    public Pool pool(long id) {
        NodePoolView pool = pools.byId(id).orElseThrow(() -> new NotFoundException("Node pool", id));
        access.requireVisible(pool.tenantId(), "Node pool", id);
        return new Pool(pool.id(), pool.name(), pool.tenantId(), pool.spare(), manifests.of(id).orElse(null));
    }
}
