package io.devops.platform.execution.run;

import io.devops.platform.execution.run.RunOptions.Selector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What each run's start asked for ({@link RunOptions}), and the locked nodes it skipped. */
@Repository
public class RunOptionsStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public RunOptionsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the options of a new run; a run started without any gets no row. */
    public void insert(long runId, RunOptions options) {
        if (options.isDefault()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO run_options (run_id, check_mode, batch_size, skip_locked, limit_to, excluded, extra_vars)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(runId, options.checkMode(), options.batchSize(), options.skipLocked(), json(options.limit()),
                        json(options.exclude()), options.extraVars().isEmpty() ? null : JSON.writeValueAsString(options.extraVars()))
                .update();
    }

    public RunOptions of(long runId) {
        return jdbc.sql("SELECT * FROM run_options WHERE run_id = ?").param(runId)
                .query((rs, n) -> new RunOptions(selector(rs.getString("limit_to")), selector(rs.getString("excluded")),
                        rs.getString("extra_vars") == null ? Map.of() : JSON.readValue(rs.getString("extra_vars"),
                                new TypeReference<Map<String, Object>>() {
                                }),
                        rs.getBoolean("check_mode"), (Integer) rs.getObject("batch_size", Integer.class), rs.getBoolean("skip_locked")))
                .optional().orElse(RunOptions.NONE);
    }

    /** Whether the run is a dry run: it changes nothing, and its results judge nothing. */
    public boolean checkMode(long runId) {
        return jdbc.sql("SELECT check_mode FROM run_options WHERE run_id = ?").param(runId).query(Boolean.class).optional()
                .orElse(false);
    }

    public void skipped(long runId, SkippedNode node) {
        jdbc.sql("INSERT INTO run_skipped_nodes (run_id, node_id, ip, hostname, reason) VALUES (?, ?, ?, ?, ?)")
                .params(runId, node.nodeId(), node.ip(), node.hostname(), Text.cut(node.reason(), 1000)).update();
    }

    public List<SkippedNode> skipped(long runId) {
        return jdbc.sql("SELECT node_id, ip, hostname, reason FROM run_skipped_nodes WHERE run_id = ? ORDER BY node_id").param(runId)
                .query((rs, n) -> new SkippedNode(rs.getLong("node_id"), rs.getString("ip"), rs.getString("hostname"), rs.getString("reason")))
                .list();
    }

    private static String json(Selector selector) {
        return selector.isEmpty() ? null : JSON.writeValueAsString(selector);
    }

    private static Selector selector(String json) {
        return json == null ? Selector.NONE : JSON.readValue(json, Selector.class);
    }

    /** A locked node the start skipped, with the lock's words. */
    public record SkippedNode(long nodeId, String ip, String hostname, String reason) {
    }

    private static final class Text {
        static String cut(String text, int max) {
            return text.length() <= max ? text : text.substring(0, max - 1) + "…";
        }
    }
}
