package io.devops.platform.execution;

import io.devops.platform.shared.DbTime;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reports collected from the nodes, per run, task (step) and node. */
@Repository
class RunReports {

    private final JdbcClient jdbc;

    RunReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(long runId, long taskId, long nodeId, String ip, String path, String content, long size, boolean truncated,
              Instant at) {
        jdbc.sql("""
                INSERT INTO run_reports (run_id, run_task_id, node_id, ip, path, content, size_bytes, truncated, collected_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(runId, taskId, nodeId, ip, path, content, size, truncated, DbTime.toDb(at)).update();
    }

    /** A declared report that did not arrive from a node: {@code reason} says why; it has no content. */
    void saveMissing(long runId, long taskId, long nodeId, String ip, String path, String reason, Instant at) {
        jdbc.sql("""
                INSERT INTO run_reports (run_id, run_task_id, node_id, ip, path, content, size_bytes, truncated, collected_at,
                                         missing_reason)
                VALUES (?, ?, ?, ?, ?, NULL, 0, FALSE, ?, ?)""")
                .params(runId, taskId, nodeId, ip, path, DbTime.toDb(at), reason).update();
    }

    List<Report> of(long runId, Long nodeId) {
        String sql = "SELECT r.*, t.steps FROM run_reports r JOIN run_tasks t ON t.id = r.run_task_id WHERE r.run_id = ?"
                + (nodeId == null ? "" : " AND r.node_id = ?") + " ORDER BY r.run_task_id, r.node_id, r.id";
        var statement = jdbc.sql(sql).param(runId);
        if (nodeId != null) {
            statement = statement.param(nodeId);
        }
        return statement.query((rs, n) -> new Report(rs.getLong("id"), rs.getLong("run_task_id"), rs.getLong("node_id"),
                rs.getString("ip"), rs.getString("path"), rs.getString("content"), rs.getLong("size_bytes"),
                rs.getBoolean("truncated"), DbTime.read(rs, "collected_at"), rs.getString("missing_reason") != null,
                rs.getString("missing_reason"))).list();
    }

    /**
     * One collected file; {@code truncated} means it was larger than the limit and is not stored;
     * {@code missing} means it never arrived, and {@code missingReason} says why.
     */
    record Report(long id, long taskId, long nodeId, String ip, String path, String content, long sizeBytes,
                  boolean truncated, Instant collectedAt, boolean missing, String missingReason) {
    }
}
