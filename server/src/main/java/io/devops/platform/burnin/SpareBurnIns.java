package io.devops.platform.burnin;

import io.devops.platform.shared.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pools' burn-in settings (spare_burn_ins) and the burn-ins they started (spare_burn_in_starts). */
@Repository
class SpareBurnIns {

    private static final int OUTCOME_LENGTH = 1000;
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    SpareBurnIns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SpareBurnIn> of(long poolId) {
        return jdbc.sql("SELECT * FROM spare_burn_ins WHERE pool_id = ?").param(poolId).query(SpareBurnIns::read).optional();
    }

    /** Inserts or replaces the pool's setting (one row per pool). */
    void save(SpareBurnIn setting) {
        int updated = jdbc.sql("""
                UPDATE spare_burn_ins SET tier = ?, every_days = ?, max_nodes_at_once = ?, enabled = ?, next_tick_at = ?,
                                          updated_by = ?, updated_at = ?
                WHERE pool_id = ?""")
                .params(setting.tier(), setting.everyDays(), setting.maxNodesAtOnce(), setting.enabled(), DbTime.toDb(setting.nextLookAt()),
                        setting.updatedBy(), DbTime.toDb(setting.updatedAt()), setting.poolId()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO spare_burn_ins (pool_id, tier, every_days, max_nodes_at_once, enabled, next_tick_at, updated_by, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(setting.poolId(), setting.tier(), setting.everyDays(), setting.maxNodesAtOnce(), setting.enabled(),
                            DbTime.toDb(setting.nextLookAt()), setting.updatedBy(), DbTime.toDb(setting.updatedAt())).update();
        }
    }

    /** The enabled settings whose look is due at {@code now}, oldest due first. */
    List<SpareBurnIn> due(Instant now) {
        return jdbc.sql("SELECT * FROM spare_burn_ins WHERE enabled = TRUE AND next_tick_at <= ? ORDER BY next_tick_at, pool_id")
                .param(DbTime.toDb(now)).query(SpareBurnIns::read).list();
    }

    /**
     * Claims the look planned at {@code planned}: moves it on to {@code next} only where it still holds
     * the planned time, so of several instances exactly one claims it.
     */
    boolean claim(long poolId, Instant planned, Instant next, Instant now) {
        return jdbc.sql("""
                UPDATE spare_burn_ins SET next_tick_at = ?, last_tick_at = ?
                WHERE pool_id = ? AND next_tick_at = ? AND enabled = TRUE""")
                .params(DbTime.toDb(next), DbTime.toDb(now), poolId, DbTime.toDb(planned)).update() == 1;
    }

    void outcome(long poolId, String outcome) {
        String text = outcome.length() > OUTCOME_LENGTH ? outcome.substring(0, OUTCOME_LENGTH) : outcome;
        jdbc.sql("UPDATE spare_burn_ins SET last_outcome = ? WHERE pool_id = ?").params(text, poolId).update();
    }

    void started(long poolId, long nodeId, String tier, long runId, Instant at) {
        jdbc.sql("INSERT INTO spare_burn_in_starts (pool_id, node_id, tier, run_id, started_at) VALUES (?, ?, ?, ?, ?)")
                .params(poolId, nodeId, tier, runId, DbTime.toDb(at)).update();
    }

    /** When a burn-in was last started on each of these nodes; nodes never started are absent. */
    Map<Long, Instant> lastStarts(Collection<Long> nodeIds) {
        Map<Long, Instant> starts = new HashMap<>();
        if (nodeIds.isEmpty()) {
            return starts;
        }
        List<Long> ids = List.copyOf(nodeIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("SELECT node_id, MAX(started_at) AS started_at FROM spare_burn_in_starts WHERE node_id IN (:ids) GROUP BY node_id")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query(rs -> {
                        starts.put(rs.getLong("node_id"), DbTime.read(rs, "started_at"));
                    });
        }
        return starts;
    }

    private static SpareBurnIn read(ResultSet rs, int row) throws SQLException {
        return new SpareBurnIn(rs.getLong("pool_id"), rs.getString("tier"), rs.getInt("every_days"), rs.getInt("max_nodes_at_once"),
                rs.getBoolean("enabled"), DbTime.read(rs, "next_tick_at"), DbTime.read(rs, "last_tick_at"), rs.getString("last_outcome"),
                rs.getString("updated_by"), DbTime.read(rs, "updated_at"));
    }
}
