package io.devops.platform.health;

import io.devops.platform.shared.NotFoundException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The few facts about a node that decisions need: its address, its pool, the pool's tenant and size. */
@Component
class HealthNodes {

    record Node(long id, String ip, long poolId, Long tenantId) {
    }

    private final JdbcClient jdbc;

    HealthNodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Node> find(long nodeId) {
        return jdbc.sql("SELECT n.id, n.ip, n.node_pool_id, p.tenant_id FROM nodes n JOIN node_pools p ON p.id = n.node_pool_id "
                        + "WHERE n.id = ?")
                .param(nodeId)
                .query((rs, row) -> new Node(rs.getLong("id"), rs.getString("ip"), rs.getLong("node_pool_id"),
                        (Long) rs.getObject("tenant_id", Long.class)))
                .optional();
    }

    Node get(long nodeId) {
        return find(nodeId).orElseThrow(() -> new NotFoundException("Node", nodeId));
    }

    /**
     * Locks the pool's row until the transaction ends, so that two decisions about one pool count
     * its drained nodes one after the other, and answers how many nodes it holds.
     */
    int lockPool(long poolId) {
        jdbc.sql("SELECT id FROM node_pools WHERE id = ? FOR UPDATE").param(poolId).query(Long.class).optional();
        return jdbc.sql("SELECT COUNT(*) FROM nodes WHERE node_pool_id = ?").param(poolId).query(Integer.class).single();
    }
}
