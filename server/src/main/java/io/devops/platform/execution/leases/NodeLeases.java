package io.devops.platform.execution.leases;

import io.devops.platform.shared.DbTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One lease per node (the node id is the primary key): a run takes all of its nodes in one
 * transaction or none, so two runs can never hold overlapping nodes, whichever instance runs them.
 */
@Repository
public class NodeLeases {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;

    NodeLeases(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = transaction;
    }

    /**
     * Takes the leases in ascending node order: two runs wanting overlapping nodes then meet at their
     * first common node, and one waits for the other instead of each holding what the other needs
     * (a deadlock, which MariaDB resolves by failing one of them).
     *
     * @return the holders of the nodes this run could not take (node id → run id); empty when it holds them all
     */
    public Map<Long, Long> tryAcquire(long runId, Collection<Long> nodeIds, Instant at) {
        try {
            transaction.executeWithoutResult(status -> {
                Set<Long> mine = Set.copyOf(jdbc.sql("SELECT node_id FROM node_leases WHERE run_id = ?").param(runId)
                        .query(Long.class).list());
                List<Object[]> rows = new ArrayList<>();
                nodeIds.stream().filter(id -> !mine.contains(id)).sorted().distinct()
                        .forEach(id -> rows.add(new Object[] {id, runId, DbTime.toDb(at)}));
                template.batchUpdate("INSERT INTO node_leases (node_id, run_id, acquired_at) VALUES (?, ?, ?)", rows);
            });
            return Map.of();
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException held) {
            Map<Long, Long> holders = holders(nodeIds);
            holders.values().removeIf(holder -> holder == runId);
            return holders.isEmpty() ? tryAcquire(runId, nodeIds, at) : holders;
        }
    }

    Map<Long, Long> holders(Collection<Long> nodeIds) {
        Map<Long, Long> holders = new TreeMap<>();
        if (nodeIds.isEmpty()) {
            return holders;
        }
        jdbc.sql("SELECT node_id, run_id FROM node_leases WHERE node_id IN (:ids)").param("ids", nodeIds)
                .query(rs -> {
                    holders.put(rs.getLong("node_id"), rs.getLong("run_id"));
                });
        return holders;
    }

    public int release(long runId) {
        return jdbc.sql("DELETE FROM node_leases WHERE run_id = ?").param(runId).update();
    }

    List<Long> heldBy(long runId) {
        return jdbc.sql("SELECT node_id FROM node_leases WHERE run_id = ? ORDER BY node_id").param(runId).query(Long.class).list();
    }
}
