package io.devops.platform.inventory;

import io.devops.platform.shared.DbTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every pool a node has been in: one row per arrival, kept after the node is gone. */
@Repository
class Memberships {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Memberships(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void recordAll(List<Move> moves, String reason, Instant at, String by) {
        LocalDateTime when = DbTime.toDb(at);
        template.batchUpdate("""
                INSERT INTO node_pool_memberships (node_id, node_ip, from_pool_id, to_pool_id, reason, moved_at, moved_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                moves.stream().map(move -> new Object[] {move.nodeId(), move.ip(), move.fromPoolId(), move.toPoolId(),
                        reason, when, by}).toList());
    }

    List<PoolHistoryEntry> ofNode(long nodeId) {
        return jdbc.sql("""
                SELECT m.*, f.name AS from_name, t.name AS to_name FROM node_pool_memberships m
                LEFT JOIN node_pools f ON f.id = m.from_pool_id LEFT JOIN node_pools t ON t.id = m.to_pool_id
                WHERE m.node_id = ? ORDER BY m.moved_at, m.id""")
                .param(nodeId)
                .query((rs, row) -> new PoolHistoryEntry(Rows.nullableLong(rs, "from_pool_id"), rs.getString("from_name"),
                        rs.getLong("to_pool_id"), rs.getString("to_name"), rs.getString("reason"),
                        DbTime.read(rs, "moved_at"), rs.getString("moved_by")))
                .list();
    }

    /** A node entering a pool; {@code fromPoolId} is null when the node was created there. */
    record Move(long nodeId, String ip, Long fromPoolId, long toPoolId) {
    }

    record PoolHistoryEntry(Long fromPoolId, String fromPoolName, long toPoolId, String toPoolName, String reason,
                            Instant movedAt, String movedBy) {
    }
}
