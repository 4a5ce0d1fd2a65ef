package io.devops.platform.execution;

import io.devops.platform.shared.DbTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A run's log as numbered chunks: appended in order, read after a sequence number, or streamed whole. */
@Repository
class RunLogs {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RunLogs(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long lastSeq(long runId) {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM run_log_chunks WHERE run_id = ?").param(runId)
                .query(Long.class).single();
    }

    void append(long runId, long seq, Long taskId, String content, Instant at) {
        jdbc.sql("INSERT INTO run_log_chunks (run_id, seq, run_task_id, content, written_at) VALUES (?, ?, ?, ?, ?)")
                .params(runId, seq, taskId, content, DbTime.toDb(at)).update();
    }

    List<LogChunk> after(long runId, long afterSeq, int limit) {
        return jdbc.sql("SELECT seq, run_task_id, content FROM run_log_chunks WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT " + limit)
                .params(runId, afterSeq)
                .query((rs, n) -> {
                    long task = rs.getLong("run_task_id");
                    return new LogChunk(rs.getLong("seq"), rs.wasNull() ? null : task, rs.getString("content"));
                })
                .list();
    }

    /** The {@code limit} chunks just before {@code beforeSeq} (the log's end when null), oldest first. */
    List<LogChunk> before(long runId, Long beforeSeq, int limit) {
        List<LogChunk> newestFirst = jdbc.sql("SELECT seq, run_task_id, content FROM run_log_chunks WHERE run_id = ? AND seq < ? "
                        + "ORDER BY seq DESC LIMIT " + limit)
                .params(runId, beforeSeq == null ? Long.MAX_VALUE : beforeSeq)
                .query((rs, n) -> {
                    long task = rs.getLong("run_task_id");
                    return new LogChunk(rs.getLong("seq"), rs.wasNull() ? null : task, rs.getString("content"));
                })
                .list();
        List<LogChunk> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** Whether the log has chunks before {@code seq}, without reading them. */
    boolean hasBefore(long runId, long seq) {
        return jdbc.sql("SELECT seq FROM run_log_chunks WHERE run_id = ? AND seq < ? LIMIT 1").params(runId, seq)
                .query(Long.class).optional().isPresent();
    }

    /** The chunks of one task, for one node's output of one step. */
    List<LogChunk> ofTask(long runId, long taskId) {
        return jdbc.sql("SELECT seq, run_task_id, content FROM run_log_chunks WHERE run_id = ? AND run_task_id = ? ORDER BY seq")
                .params(runId, taskId)
                .query((rs, n) -> new LogChunk(rs.getLong("seq"), taskId, rs.getString("content")))
                .list();
    }

    /** Streams the whole log chunk by chunk: a 50 MB log never sits in memory at once. */
    void writeAll(long runId, Writer out) {
        template.query(connection -> {
            var statement = connection.prepareStatement("SELECT content FROM run_log_chunks WHERE run_id = ? ORDER BY seq");
            statement.setLong(1, runId);
            statement.setFetchSize(16);
            return statement;
        }, rs -> {
            try {
                out.write(rs.getString(1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    record LogChunk(long seq, Long taskId, String content) {
    }
}
