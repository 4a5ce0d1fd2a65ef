package io.devops.platform.execution.reports;

import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.PageQuery;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reports collected from the nodes, per run, task (step) and node. */
@Repository
public class RunReports {

    /** Reports read per query: each holds up to 1 MB of content. */
    static final int READ_BATCH = 4;

    private final JdbcClient jdbc;

    RunReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(long runId, long taskId, long nodeId, String ip, String path, String content, long size, boolean truncated,
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

    /**
     * The ids of a run's reports (of one node when {@code nodeId} is given) in the order the API
     * lists them (step, node, collection), all of them or one page: ids only, so a run's thousands
     * of reports cost a few bytes each here, and {@link #read} loads their content a few at a time.
     */
    public List<Long> ids(long runId, Long nodeId, PageQuery page) {
        return jdbc.sql("SELECT id FROM run_reports WHERE run_id = ?" + (nodeId == null ? "" : " AND node_id = ?")
                        + " ORDER BY run_task_id, node_id, id" + (page == null ? "" : page.limitOffset()))
                .params(nodeId == null ? List.of(runId) : List.of(runId, nodeId))
                .query(Long.class).list();
    }

    public long count(long runId, Long nodeId) {
        return jdbc.sql("SELECT COUNT(*) FROM run_reports WHERE run_id = ?" + (nodeId == null ? "" : " AND node_id = ?"))
                .params(nodeId == null ? List.of(runId) : List.of(runId, nodeId))
                .query(Long.class).single();
    }

    /**
     * Hands the reports with these ids to {@code each}, in the order given, {@link #READ_BATCH} per
     * query: with up to 1 MB of content each, a few MB are in memory at once however many there are
     * (the driver's fetch size plays no part, and no connection waits on a slow reader).
     */
    public void read(List<Long> ids, BatchConsumer each) throws IOException {
        for (int from = 0; from < ids.size(); from += READ_BATCH) {
            List<Long> wanted = ids.subList(from, Math.min(ids.size(), from + READ_BATCH));
            Map<Long, Report> found = new HashMap<>();
            jdbc.sql("SELECT * FROM run_reports WHERE id IN (:ids)").param("ids", wanted)
                    .query(RunReports::report).list().forEach(report -> found.put(report.id(), report));
            // A report deleted since its id was read is left out.
            each.accept(wanted.stream().map(found::get).filter(Objects::nonNull).toList());
        }
    }

    private static Report report(ResultSet rs, int row) throws SQLException {
        return new Report(rs.getLong("id"), rs.getLong("run_task_id"), rs.getLong("node_id"), rs.getString("ip"),
                rs.getString("path"), rs.getString("content"), rs.getLong("size_bytes"), rs.getBoolean("truncated"),
                DbTime.read(rs, "collected_at"), rs.getString("missing_reason") != null, rs.getString("missing_reason"));
    }

    /** What a streamed read does with each batch of reports: typically, write them to the response. */
    @FunctionalInterface
    public interface BatchConsumer {
        void accept(List<Report> batch) throws IOException;
    }

    /**
     * One collected file; {@code truncated} means it was larger than the limit and is not stored;
     * {@code missing} means it never arrived, and {@code missingReason} says why.
     */
    public record Report(long id, long taskId, long nodeId, String ip, String path, String content, long sizeBytes,
                  boolean truncated, Instant collectedAt, boolean missing, String missingReason) {
    }
}
