package io.devops.platform.execution.logs;

import io.devops.platform.execution.run.RunFence;
import io.devops.platform.shared.DbTime;
import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A run's log as numbered chunks: appended in order, read after a sequence number, or streamed whole. */
@Repository
public class RunLogs {

    /** Chunks read per query when a log is streamed: 16 x 64 KB at most. */
    static final int STREAM_BATCH = 16;

    private final JdbcClient jdbc;

    RunLogs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long lastSeq(long runId) {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM run_log_chunks WHERE run_id = ?").param(runId)
                .query(Long.class).single();
    }

    public void append(long runId, long seq, Long taskId, String content, Instant at) {
        jdbc.sql("INSERT INTO run_log_chunks (run_id, seq, run_task_id, content, written_at) VALUES (?, ?, ?, ?, ?)")
                .params(runId, seq, taskId, content, DbTime.toDb(at)).update();
    }

    /**
     * Appends only while the fence holds (the insert reads the run's row in the same statement):
     * false, with nothing written, once the execution lost its run. Its lines would otherwise land
     * in a run another execution owns, or take the sequence number the new owner's next chunk needs.
     */
    boolean append(RunFence fence, long seq, Long taskId, String content, Instant at) {
        List<Object> params = new ArrayList<>(Arrays.asList(fence.runId(), seq, taskId, content, DbTime.toDb(at)));
        params.addAll(fence.params());
        return jdbc.sql("INSERT INTO run_log_chunks (run_id, seq, run_task_id, content, written_at) SELECT ?, ?, ?, ?, ? "
                        + fence.from())
                .params(params).update() == 1;
    }

    List<LogChunk> after(long runId, long afterSeq, int limit) {
        return jdbc.sql("SELECT seq, run_task_id, content FROM run_log_chunks WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT " + limit)
                .params(runId, afterSeq)
                .query(RunLogs::chunk)
                .list();
    }

    /** The {@code limit} chunks just before {@code beforeSeq} (the log's end when null), oldest first. */
    public List<LogChunk> before(long runId, Long beforeSeq, int limit) {
        List<LogChunk> newestFirst = jdbc.sql("SELECT seq, run_task_id, content FROM run_log_chunks WHERE run_id = ? AND seq < ? "
                        + "ORDER BY seq DESC LIMIT " + limit)
                .params(runId, beforeSeq == null ? Long.MAX_VALUE : beforeSeq)
                .query(RunLogs::chunk)
                .list();
        List<LogChunk> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** Whether the log has chunks before {@code seq}, without reading them. */
    public boolean hasBefore(long runId, long seq) {
        return jdbc.sql("SELECT seq FROM run_log_chunks WHERE run_id = ? AND seq < ? LIMIT 1").params(runId, seq)
                .query(Long.class).optional().isPresent();
    }

    /** Streams one task's chunks (one step's output, of every node) in order, a batch at a time. */
    public void eachOfTask(long runId, long taskId, ChunkConsumer each) throws IOException {
        each(runId, taskId, each);
    }

    /** Streams the whole log chunk by chunk: a log far larger than the heap is never in memory at once. */
    public void writeAll(long runId, Writer out) throws IOException {
        each(runId, null, chunk -> out.write(chunk.content()));
    }

    /**
     * The chunks there are now, in order, {@link #STREAM_BATCH} per query: memory holds one batch,
     * however the driver treats fetch sizes, and no pooled connection waits on a slow reader.
     */
    private void each(long runId, Long taskId, ChunkConsumer each) throws IOException {
        long last = lastSeq(runId);
        long after = 0;
        while (after < last) {
            List<LogChunk> batch = batch(runId, taskId, after, last);
            for (LogChunk chunk : batch) {
                each.accept(chunk);
            }
            if (batch.size() < STREAM_BATCH) {
                return;
            }
            after = batch.get(batch.size() - 1).seq();
        }
    }

    private List<LogChunk> batch(long runId, Long taskId, long after, long last) {
        return jdbc.sql("SELECT seq, run_task_id, content FROM run_log_chunks WHERE run_id = ? AND seq > ? AND seq <= ?"
                        + (taskId == null ? "" : " AND run_task_id = ?") + " ORDER BY seq LIMIT " + STREAM_BATCH)
                .params(taskId == null ? List.of(runId, after, last) : List.of(runId, after, last, taskId))
                .query(RunLogs::chunk)
                .list();
    }

    private static LogChunk chunk(ResultSet rs, int row) throws SQLException {
        long task = rs.getLong("run_task_id");
        return new LogChunk(rs.getLong("seq"), rs.wasNull() ? null : task, rs.getString("content"));
    }

    /** What a streamed read does with each chunk: typically, write it to the response. */
    @FunctionalInterface
    public interface ChunkConsumer {
        void accept(LogChunk chunk) throws IOException;
    }

    public record LogChunk(long seq, Long taskId, String content) {
    }
}
