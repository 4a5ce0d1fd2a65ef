package io.devops.platform.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What runs need from the inventory: the nodes behind a set of targets (nodes and whole pools),
 * with how to reach them, and every lock or missing reference that forbids running on them.
 */
@Service
@Transactional(readOnly = true)
public class NodeTargets {

    private static final String SELECT = """
            SELECT n.id, n.ip, n.hostname, n.ssh_port, n.ssh_user, n.node_pool_id, p.name AS pool_name,
                   p.credential_id AS pool_credential_id, n.credential_id AS node_credential_id, n.is_locked, n.locked_by, n.lock_reason,
                   p.is_locked AS pool_locked, p.locked_by AS pool_locked_by, p.lock_reason AS pool_lock_reason
            FROM nodes n JOIN node_pools p ON p.id = n.node_pool_id""";

    private final JdbcClient jdbc;
    private final Nodes nodes;
    private final NodeStanding standing;

    NodeTargets(JdbcClient jdbc, Nodes nodes, NodeStanding standing) {
        this.jdbc = jdbc;
        this.nodes = nodes;
        this.standing = standing;
    }

    /** The nodes named directly plus every node now in the named pools, each once, in id order. */
    public Resolution resolve(Collection<Long> nodeIds, Collection<Long> poolIds) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> poolLocks = new ArrayList<>();
        for (List<Long> chunk : Nodes.chunks(List.copyOf(new LinkedHashSet<>(nodeIds)))) {
            jdbc.sql(SELECT + " WHERE n.id IN (:ids)").param("ids", chunk).query(NodeTargets::row).list()
                    .forEach(row -> rows.put(row.node().id(), row));
        }
        Set<Long> missingNodes = new LinkedHashSet<>(nodeIds);
        missingNodes.removeAll(rows.keySet());
        missingNodes.forEach(id -> problems.add("node " + id + " does not exist"));
        for (long poolId : new LinkedHashSet<>(poolIds)) {
            List<PoolLock> pool = jdbc.sql("SELECT name, is_locked, locked_by, lock_reason FROM node_pools WHERE id = ?")
                    .param(poolId).query((rs, n) -> new PoolLock(rs.getString("name"), rs.getBoolean("is_locked"),
                            rs.getString("locked_by"), rs.getString("lock_reason"))).list();
            if (pool.isEmpty()) {
                problems.add("node pool " + poolId + " does not exist");
                continue;
            }
            if (pool.get(0).locked()) {
                poolLocks.add("node pool " + pool.get(0).name() + " is locked by " + pool.get(0).by() + ": " + pool.get(0).reason());
            }
            jdbc.sql(SELECT + " WHERE n.node_pool_id = ?").param(poolId).query(NodeTargets::row).list()
                    .forEach(row -> rows.putIfAbsent(row.node().id(), row));
        }
        List<String> missing = List.copyOf(problems);
        problems.addAll(poolLocks);
        Map<Long, String> locks = new LinkedHashMap<>();
        rows.values().forEach(row -> {
            problems.addAll(row.lockProblems());
            if (!row.lockProblems().isEmpty()) {
                locks.put(row.node().id(), String.join("; ", row.lockProblems()));
            }
        });
        List<TargetNode> nodes = rows.values().stream().map(Row::node)
                .sorted(Comparator.comparingLong(TargetNode::id)).toList();
        return new Resolution(nodes, problems.stream().distinct().toList(), missing.stream().distinct().toList(), locks);
    }

    /**
     * Of these nodes, those that carry every one of {@code labels} (key = value), on the node itself
     * or on its pool.
     */
    public Set<Long> carrying(Collection<Long> nodeIds, Map<String, String> labels) {
        Set<Long> matching = new LinkedHashSet<>(nodeIds);
        for (Map.Entry<String, String> label : labels.entrySet()) {
            Set<Long> carriers = new LinkedHashSet<>();
            for (List<Long> chunk : Nodes.chunks(List.copyOf(matching))) {
                carriers.addAll(jdbc.sql("""
                                SELECT n.id FROM nodes n JOIN labels l ON l.label_key = :key AND l.label_value = :value
                                WHERE n.id IN (:ids) AND (EXISTS (SELECT 1 FROM node_labels nl WHERE nl.node_id = n.id AND nl.label_id = l.id)
                                   OR EXISTS (SELECT 1 FROM node_pool_labels pl WHERE pl.node_pool_id = n.node_pool_id AND pl.label_id = l.id))""")
                        .param("key", label.getKey()).param("value", label.getValue()).param("ids", chunk).query(Long.class).list());
            }
            matching.retainAll(carriers);
        }
        return matching;
    }

    /** Of these nodes, the ids that exist. */
    public Set<Long> existing(Collection<Long> nodeIds) {
        Set<Long> found = new LinkedHashSet<>();
        for (List<Long> chunk : Nodes.chunks(List.copyOf(new LinkedHashSet<>(nodeIds)))) {
            found.addAll(jdbc.sql("SELECT id FROM nodes WHERE id IN (:ids)").param("ids", chunk).query(Long.class).list());
        }
        return found;
    }

    /** Pool names by id, for references by name (catalog as code); unknown ids are absent. */
    public Map<Long, String> poolNames(Collection<Long> poolIds) {
        return names("SELECT id, name FROM node_pools WHERE id IN (:ids)", poolIds);
    }

    /** Node addresses (unique) by id, for references by name; unknown ids are absent. */
    public Map<Long, String> nodeAddresses(Collection<Long> nodeIds) {
        return names("SELECT id, ip AS name FROM nodes WHERE id IN (:ids)", nodeIds);
    }

    public Optional<Long> poolNamed(String name) {
        return jdbc.sql("SELECT id FROM node_pools WHERE name = ?").param(name).query(Long.class).optional();
    }

    public Optional<Long> nodeAt(String ip) {
        return jdbc.sql("SELECT id FROM nodes WHERE ip = ?").param(ip).query(Long.class).optional();
    }

    private Map<Long, String> names(String sql, Collection<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (List<Long> chunk : Nodes.chunks(List.copyOf(new LinkedHashSet<>(ids)))) {
            jdbc.sql(sql).param("ids", chunk).query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("name"))).list()
                    .forEach(entry -> names.put(entry.getKey(), entry.getValue()));
        }
        return names;
    }

    /** Of these pools, the ids that exist. */
    public Set<Long> existingPools(Collection<Long> poolIds) {
        Set<Long> found = new LinkedHashSet<>();
        for (List<Long> chunk : Nodes.chunks(List.copyOf(new LinkedHashSet<>(poolIds)))) {
            found.addAll(jdbc.sql("SELECT id FROM node_pools WHERE id IN (:ids)").param("ids", chunk).query(Long.class).list());
        }
        return found;
    }

    /**
     * The locks that now forbid running on these nodes (the node's own, or its pool's), per node;
     * nodes without one are absent. Asked again when each step of a run starts, and before an
     * ad-hoc agent command: a lock taken after a run started still stops what comes next.
     */
    public Map<Long, String> locksOn(Collection<Long> nodeIds) {
        Map<Long, String> locks = new LinkedHashMap<>();
        for (List<Long> chunk : Nodes.chunks(List.copyOf(new LinkedHashSet<>(nodeIds)))) {
            jdbc.sql(SELECT + " WHERE (n.is_locked = TRUE OR p.is_locked = TRUE) AND n.id IN (:ids)").param("ids", chunk)
                    .query(NodeTargets::row).list()
                    .forEach(row -> locks.put(row.node().id(), String.join("; ", row.lockProblems())));
        }
        return locks;
    }

    /** Each node's lifecycle state now (DELIVERED, READY, …), as the node page shows it. */
    public Map<Long, String> lifecycleStates(Collection<Long> nodeIds) {
        Map<Long, Long> poolTenants = new java.util.HashMap<>();
        for (List<Long> chunk : Nodes.chunks(List.copyOf(new LinkedHashSet<>(nodeIds)))) {
            jdbc.sql("SELECT n.id, p.tenant_id FROM nodes n JOIN node_pools p ON p.id = n.node_pool_id WHERE n.id IN (:ids)")
                    .param("ids", chunk).query(rs -> {
                        poolTenants.put(rs.getLong("id"), Rows.nullableLong(rs, "tenant_id"));
                    });
        }
        return standing.states(poolTenants);
    }

    /**
     * Holds resolved nodes for a run being started or resumed: locks their rows until the caller's
     * transaction ends and answers what changed since they were resolved (a node deleted, or moved
     * to another pool), as problems that forbid running. A delete or move of these nodes waits for
     * the caller's commit and then sees the run ({@link NodeUsage}); one that committed first is
     * reported here. Call it last before committing, so that the rows stay locked briefly.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> hold(Collection<TargetNode> targets) {
        Map<Long, Long> poolNow = nodes.lockForChange(targets.stream().map(TargetNode::id).toList());
        List<String> problems = new ArrayList<>();
        for (TargetNode target : targets) {
            Long pool = poolNow.get(target.id());
            if (pool == null) {
                problems.add("node " + target.ip() + " was deleted meanwhile");
            } else if (pool != target.nodePoolId()) {
                problems.add("node " + target.ip() + " was moved out of pool " + target.nodePoolName() + " meanwhile");
            }
        }
        return problems.stream().distinct().toList();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        TargetNode node = new TargetNode(rs.getLong("id"), rs.getString("ip"), rs.getString("hostname"),
                rs.getInt("ssh_port"), rs.getString("ssh_user"), rs.getLong("node_pool_id"), rs.getString("pool_name"),
                Rows.nullableLong(rs, "node_credential_id"), Rows.nullableLong(rs, "pool_credential_id"));
        List<String> locks = new ArrayList<>();
        if (rs.getBoolean("is_locked")) {
            locks.add("node " + node.ip() + " is locked by " + rs.getString("locked_by") + ": " + rs.getString("lock_reason"));
        }
        if (rs.getBoolean("pool_locked")) {
            locks.add("node pool " + node.nodePoolName() + " is locked by " + rs.getString("pool_locked_by") + ": "
                    + rs.getString("pool_lock_reason"));
        }
        return new Row(node, locks);
    }

    private record Row(TargetNode node, List<String> lockProblems) {
    }

    private record PoolLock(String name, boolean locked, String by, String reason) {
    }

    /** A node a run may target, with what the run needs to reach it. */
    public record TargetNode(long id, String ip, String hostname, int sshPort, String sshUser, long nodePoolId,
                             String nodePoolName, Long nodeCredentialId, Long poolCredentialId) {
    }

    /**
     * {@code problems} lists locks and missing targets; a run may start only when it is empty.
     * {@code missing} holds the problems that are not locks, {@code locks} each locked node's lock
     * (its own, or its pool's): a run that skips locked nodes starts without them.
     */
    public record Resolution(List<TargetNode> nodes, List<String> problems, List<String> missing, Map<Long, String> locks) {

        public Resolution(List<TargetNode> nodes, List<String> problems) {
            this(nodes, problems, problems, Map.of());
        }
    }
}
