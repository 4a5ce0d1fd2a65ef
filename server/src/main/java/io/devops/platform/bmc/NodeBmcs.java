package io.devops.platform.bmc;

import io.devops.platform.shared.DbTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The node_bmcs table: one row per node that has a BMC. */
@Repository
class NodeBmcs {

    private final JdbcClient jdbc;

    NodeBmcs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BmcView> find(long nodeId) {
        return jdbc.sql("SELECT node_id, address, port, credential_id, protocol, updated_at, updated_by FROM node_bmcs WHERE node_id = ?")
                .param(nodeId)
                .query((rs, row) -> new BmcView(rs.getLong("node_id"), rs.getString("address"), rs.getInt("port"),
                        rs.getLong("credential_id"), rs.getString("protocol"), DbTime.read(rs, "updated_at"),
                        rs.getString("updated_by")))
                .optional();
    }

    void save(BmcSettings bmc, Instant at, String by) {
        int updated = jdbc.sql("""
                UPDATE node_bmcs SET address = ?, port = ?, credential_id = ?, protocol = ?, updated_at = ?, updated_by = ?
                WHERE node_id = ?""")
                .params(bmc.address(), bmc.port(), bmc.credentialId(), bmc.protocol().name(), DbTime.toDb(at), by, bmc.nodeId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO node_bmcs (node_id, address, port, credential_id, protocol, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(bmc.nodeId(), bmc.address(), bmc.port(), bmc.credentialId(), bmc.protocol().name(), DbTime.toDb(at), by)
                    .update();
        }
    }

    boolean delete(long nodeId) {
        return jdbc.sql("DELETE FROM node_bmcs WHERE node_id = ?").param(nodeId).update() > 0;
    }
}
