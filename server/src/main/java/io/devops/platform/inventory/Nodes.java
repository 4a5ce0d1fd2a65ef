package io.devops.platform.inventory;

import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.ExpectedVersion;
import io.devops.platform.shared.IdList;
import io.devops.platform.shared.VersionedUpdate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Nodes {

    /** IN lists stay well below every database's parameter limit. */
    static final int CHUNK = 1000;
    private static final String SELECT = """
            SELECT n.id, n.ip, n.hostname, n.node_type, n.gpu_type, n.gpu_count, n.ssh_port, n.ssh_user, n.node_pool_id,
                   n.credential_id, n.registered_at, n.is_locked, n.locked_by, n.locked_at, n.lock_reason, n.last_seen_at,
                   n.created_at, n.created_by, n.updated_at, n.updated_by, n.version, p.name AS pool_name, p.tenant_id AS tenant_id
            FROM nodes n JOIN node_pools p ON p.id = n.node_pool_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Presence presence;

    Nodes(JdbcClient jdbc, JdbcTemplate template, Presence presence) {
        this.jdbc = jdbc;
        this.template = template;
        this.presence = presence;
    }

    Optional<NodeView> byId(long id) {
        return jdbc.sql(SELECT + " WHERE n.id = ?").param(id).query(this::map).optional();
    }

    List<NodeView> byIds(Collection<Long> ids) {
        List<NodeView> nodes = new ArrayList<>();
        for (List<Long> chunk : chunks(List.copyOf(ids))) {
            nodes.addAll(jdbc.sql(SELECT + " WHERE n.id IN (" + IdList.literals(chunk) + ") ORDER BY n.id").query(this::map).list());
        }
        return nodes;
    }

    /** Which of these IPs already belong to a node other than {@code exceptId}. */
    Set<String> ipsTaken(Collection<String> ips, long exceptId) {
        Set<String> taken = new HashSet<>();
        for (List<String> chunk : chunks(List.copyOf(ips))) {
            taken.addAll(jdbc.sql("SELECT ip FROM nodes WHERE ip IN (:ips) AND id <> :id")
                    .param("ips", chunk).param("id", exceptId).query(String.class).list());
        }
        return taken;
    }

    /** The ids of the nodes with these IPs (canonical form), by IP; IPs no node has are absent. */
    Map<String, Long> idsByIp(Collection<String> ips) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : chunks(List.copyOf(ips))) {
            jdbc.sql("SELECT id, ip FROM nodes WHERE ip IN (:ips)").param("ips", chunk)
                    .query((rs, n) -> ids.put(rs.getString("ip"), rs.getLong("id"))).list();
        }
        return ids;
    }

    /** Inserts the nodes in batches and answers their ids by IP. */
    Map<String, Long> insertAll(List<NewNode> nodes, Instant at, String by) {
        LocalDateTime now = DbTime.toDb(at);
        List<Object[]> rows = nodes.stream().map(node -> new Object[] {
                node.ip(), node.hostname(), node.nodeType(), node.gpuType(), node.gpuCount(), node.sshPort(),
                node.sshUser(), node.nodePoolId(), node.credentialId(), now, now, by}).toList();
        template.batchUpdate("""
                INSERT INTO nodes (ip, hostname, node_type, gpu_type, gpu_count, ssh_port, ssh_user, node_pool_id,
                                   credential_id, registered_at, is_locked, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)""", rows);
        return idsByIp(nodes.stream().map(NewNode::ip).toList());
    }

    private Map<String, Long> idsByIp(List<String> ips) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : chunks(ips)) {
            jdbc.sql("SELECT id, ip FROM nodes WHERE ip IN (:ips)").param("ips", chunk)
                    .query(rs -> {
                        ids.put(rs.getString("ip"), rs.getLong("id"));
                    });
        }
        return ids;
    }

    /**
     * Refreshes the optimiser's statistics after a bulk import: InnoDB recomputes them only later,
     * in the background, and until then plans filtered lists as if the tables were empty.
     * {@code ANALYZE TABLE x} means the same on MySQL, MariaDB and H2.
     */
    void refreshStatistics() {
        for (String table : List.of("nodes", "node_labels", "labels")) {
            template.execute("ANALYZE TABLE " + table);
        }
    }

    void update(long id, NewNode node, ExpectedVersion expected, Instant at, String by) {
        VersionedUpdate.update(jdbc, "nodes", id, expected, "Node " + id, """
                ip = ?, hostname = ?, node_type = ?, gpu_type = ?, gpu_count = ?, ssh_port = ?, ssh_user = ?,
                credential_id = ?, updated_at = ?, updated_by = ?""",
                node.ip(), node.hostname(), node.nodeType(), node.gpuType(), node.gpuCount(), node.sshPort(),
                node.sshUser(), node.credentialId(), DbTime.toDb(at), by);
    }

    void moveAll(Collection<Long> ids, long poolId, Instant at, String by) {
        for (List<Long> chunk : chunks(List.copyOf(ids))) {
            jdbc.sql("UPDATE nodes SET node_pool_id = :pool, updated_at = :at, updated_by = :by WHERE id IN (:ids)")
                    .param("pool", poolId).param("at", DbTime.toDb(at)).param("by", by).param("ids", chunk)
                    .update();
        }
    }

    void setLock(long id, LockState lock, Instant at, String by) {
        jdbc.sql("""
                UPDATE nodes SET is_locked = ?, locked_by = ?, locked_at = ?, lock_reason = ?, updated_at = ?, updated_by = ?
                WHERE id = ?""")
                .params(lock.locked(), lock.lockedBy(), DbTime.toDb(lock.lockedAt()), lock.lockReason(),
                        DbTime.toDb(at), by, id)
                .update();
    }

    /**
     * Locks these nodes' rows until the transaction ends and answers the pool each is in now (a
     * locking read sees the latest commit); a node that no longer exists is absent. Rows are taken
     * in id order, as the IN-list updates on nodes take them, so that lockers do not deadlock.
     */
    Map<Long, Long> lockForChange(Collection<Long> ids) {
        Map<Long, Long> poolById = new TreeMap<>();
        for (List<Long> chunk : chunks(ids.stream().distinct().sorted().toList())) {
            jdbc.sql("SELECT id, node_pool_id FROM nodes WHERE id IN (" + IdList.literals(chunk) + ") ORDER BY id FOR UPDATE")
                    .query(rs -> {
                        poolById.put(rs.getLong("id"), rs.getLong("node_pool_id"));
                    });
        }
        return poolById;
    }

    void delete(long id) {
        // Its variables go with it: the rows name their owner without a foreign key (V46).
        jdbc.sql("DELETE FROM inventory_vars WHERE owner_kind = 'NODE' AND owner_id = ?").param(id).update();
        jdbc.sql("DELETE FROM nodes WHERE id = ?").param(id).update();
    }

    static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += CHUNK) {
            chunks.add(items.subList(i, Math.min(items.size(), i + CHUNK)));
        }
        return chunks;
    }

    /** The agent's facts as JSON text; kept out of {@link #SELECT} because list pages never show them. */
    Optional<String> facts(long id) {
        return jdbc.sql("SELECT facts FROM nodes WHERE id = ?").param(id).query(String.class).optional()
                .filter(Objects::nonNull);
    }

    Optional<Long> idOfIp(String ip) {
        return jdbc.sql("SELECT id FROM nodes WHERE ip = ?").param(ip).query(Long.class).optional();
    }

    void markSeen(long id, Instant at) {
        jdbc.sql("UPDATE nodes SET last_seen_at = ? WHERE id = ?").params(DbTime.toDb(at), id).update();
    }

    void markSeen(Collection<Long> ids, Instant at) {
        for (List<Long> chunk : chunks(List.copyOf(ids))) {
            jdbc.sql("UPDATE nodes SET last_seen_at = ? WHERE id IN (" + IdList.literals(chunk) + ")").param(DbTime.toDb(at))
                    .update();
        }
    }

    void markRegistered(long id, Instant at) {
        jdbc.sql("UPDATE nodes SET registered_at = ?, last_seen_at = ? WHERE id = ?")
                .params(DbTime.toDb(at), DbTime.toDb(at), id).update();
    }

    void updateFacts(long id, String factsJson, String hostname, String gpuType, Integer gpuCount, Instant at) {
        jdbc.sql("""
                UPDATE nodes SET facts = ?, facts_updated_at = ?, hostname = COALESCE(?, hostname),
                                 gpu_type = COALESCE(?, gpu_type), gpu_count = COALESCE(?, gpu_count)
                WHERE id = ?""")
                .params(factsJson, DbTime.toDb(at), hostname, gpuType, gpuCount, id).update();
    }

    private NodeView map(ResultSet rs, int row) throws SQLException {
        return new NodeView(rs.getLong("id"), rs.getString("ip"), rs.getString("hostname"), rs.getString("node_type"),
                rs.getString("gpu_type"), Rows.nullableInt(rs, "gpu_count"), rs.getInt("ssh_port"),
                rs.getString("ssh_user"), rs.getLong("node_pool_id"), rs.getString("pool_name"),
                Rows.nullableLong(rs, "tenant_id"), Rows.nullableLong(rs, "credential_id"), DbTime.read(rs, "registered_at"), Map.of(),
                presence.of(DbTime.read(rs, "last_seen_at")), null, null, Rows.lock(rs, ""), Rows.stamp(rs, ""), null);
    }

    /** A checked node ready to be written. */
    record NewNode(String ip, String hostname, String nodeType, String gpuType, Integer gpuCount, int sshPort,
                   String sshUser, long nodePoolId, Long credentialId) {
    }
}
