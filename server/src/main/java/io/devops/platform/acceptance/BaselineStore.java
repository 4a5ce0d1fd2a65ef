package io.devops.platform.acceptance;

import io.devops.platform.shared.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The baselines, the PASS results behind them and the values they took (acceptance_baseline*). */
@Repository
class BaselineStore {

    private final JdbcClient jdbc;

    BaselineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One point of a baseline's history, for the chart. */
    record Point(double value, int samples, boolean pinned, Instant at) {
    }

    Optional<Baseline> find(BaselineKey key) {
        return jdbc.sql("SELECT * FROM acceptance_baselines WHERE gpu_model = ? AND driver_branch = ? AND check_name = ? AND metric = ?"
                + " AND node_count = ?").params(key.gpuModel(), key.driverBranch(), key.check(), key.metric(), key.nodeCount())
                .query(BaselineStore::read).optional();
    }

    Optional<Baseline> byId(long id) {
        return jdbc.sql("SELECT * FROM acceptance_baselines WHERE id = ?").param(id).query(BaselineStore::read).optional();
    }

    /** The baseline's row, locked until the transaction ends so that two results of one key add up, not overwrite. */
    Baseline lockedOrCreated(BaselineKey key, String unit, int window, Instant at) {
        try {
            jdbc.sql("""
                    INSERT INTO acceptance_baselines (gpu_model, driver_branch, check_name, metric, node_count, unit, samples, window_size,
                                                      pinned, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, 0, ?, FALSE, ?)""")
                    .params(key.gpuModel(), key.driverBranch(), key.check(), key.metric(), key.nodeCount(), unit, window,
                            DbTime.toDb(at)).update();
        } catch (DuplicateKeyException exists) {
            // Another result of the key created it first: use that row.
        }
        return jdbc.sql("""
                SELECT * FROM acceptance_baselines WHERE gpu_model = ? AND driver_branch = ? AND check_name = ? AND metric = ?
                AND node_count = ? FOR UPDATE""")
                .params(key.gpuModel(), key.driverBranch(), key.check(), key.metric(), key.nodeCount())
                .query(BaselineStore::read).single();
    }

    void addSample(long baselineId, double measured, long runId, long nodeId, Instant at) {
        jdbc.sql("INSERT INTO acceptance_baseline_samples (baseline_id, measured, run_id, node_id, recorded_at) VALUES (?, ?, ?, ?, ?)")
                .params(baselineId, measured, runId, nodeId, DbTime.toDb(at)).update();
    }

    /** The latest {@code window} results, newest first (by insertion order, so ties on time stay in order). */
    List<Double> lastSamples(long baselineId, int window) {
        return jdbc.sql("SELECT measured FROM acceptance_baseline_samples WHERE baseline_id = ? ORDER BY id DESC LIMIT ?")
                .params(baselineId, window).query(Double.class).list();
    }

    void setValue(long id, double value, int samples, int window, Instant at) {
        jdbc.sql("UPDATE acceptance_baselines SET baseline_value = ?, samples = ?, window_size = ?, updated_at = ? WHERE id = ?")
                .params(value, samples, window, DbTime.toDb(at), id).update();
        jdbc.sql("INSERT INTO acceptance_baseline_history (baseline_id, baseline_value, samples, pinned, recorded_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, value, samples, pinnedNow(id), DbTime.toDb(at)).update();
    }

    void pin(long id, String comment, String by, Instant at) {
        jdbc.sql("UPDATE acceptance_baselines SET pinned = TRUE, pin_comment = ?, pinned_by = ?, pinned_at = ?, updated_at = ? WHERE id = ?")
                .params(comment, by, DbTime.toDb(at), DbTime.toDb(at), id).update();
    }

    void unpin(long id, Instant at) {
        jdbc.sql("UPDATE acceptance_baselines SET pinned = FALSE, pin_comment = NULL, pinned_by = NULL, pinned_at = NULL, updated_at = ? "
                + "WHERE id = ?").params(DbTime.toDb(at), id).update();
    }

    /** The baselines matching the filter (null matches any), in key order. */
    List<Baseline> list(String gpuModel, String check, String metric) {
        StringBuilder sql = new StringBuilder("SELECT * FROM acceptance_baselines WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        where(sql, params, "gpu_model", gpuModel);
        where(sql, params, "check_name", check);
        where(sql, params, "metric", metric);
        sql.append(" ORDER BY gpu_model, driver_branch, check_name, metric, node_count");
        return jdbc.sql(sql.toString()).params(params).query(BaselineStore::read).list();
    }

    List<Point> history(long id) {
        return jdbc.sql("SELECT * FROM acceptance_baseline_history WHERE baseline_id = ? ORDER BY id")
                .param(id).query((rs, n) -> new Point(rs.getDouble("baseline_value"), rs.getInt("samples"), rs.getBoolean("pinned"),
                        DbTime.read(rs, "recorded_at"))).list();
    }

    private boolean pinnedNow(long id) {
        return jdbc.sql("SELECT pinned FROM acceptance_baselines WHERE id = ?").param(id).query(Boolean.class).single();
    }

    private static void where(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static Baseline read(ResultSet rs, int row) throws SQLException {
        BaselineKey key = new BaselineKey(rs.getString("gpu_model"), rs.getString("driver_branch"), rs.getString("check_name"),
                rs.getString("metric"), rs.getInt("node_count"));
        return new Baseline(rs.getLong("id"), key, rs.getObject("baseline_value", Double.class), rs.getString("unit"), rs.getInt("samples"),
                rs.getInt("window_size"), rs.getBoolean("pinned"), rs.getString("pin_comment"), rs.getString("pinned_by"),
                DbTime.read(rs, "pinned_at"), DbTime.read(rs, "updated_at"));
    }
}
