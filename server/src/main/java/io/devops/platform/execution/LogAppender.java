package io.devops.platform.execution;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Buffers one run's output and writes it as chunks: when 64 KB have gathered, or a second after
 * the oldest unwritten line (the {@link LogFlusher} calls {@link #flushIfDue()}). A crash loses at
 * most that second.
 */
final class LogAppender {

    static final int CHUNK_BYTES = 64 * 1024;
    static final Duration MAX_DELAY = Duration.ofSeconds(1);

    private final long runId;
    private final RunLogs logs;
    private final Runs runs;
    private final Clock clock;
    private final StringBuilder buffer = new StringBuilder();
    private int bufferedBytes;
    private Instant oldestUnwritten;
    private long seq;
    private Long taskId;

    LogAppender(long runId, RunLogs logs, Runs runs, Clock clock) {
        this.runId = runId;
        this.logs = logs;
        this.runs = runs;
        this.clock = clock;
        this.seq = logs.lastSeq(runId);
    }

    long runId() {
        return runId;
    }

    /** Lines after this belong to that task (null: the run itself), so a step's output can be shown alone. */
    synchronized void task(Long newTaskId) {
        flush();
        taskId = newTaskId;
    }

    synchronized void line(String line) {
        if (oldestUnwritten == null) {
            oldestUnwritten = clock.instant();
        }
        buffer.append(line).append('\n');
        bufferedBytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
        if (bufferedBytes >= CHUNK_BYTES) {
            flush();
        }
    }

    synchronized void flushIfDue() {
        if (oldestUnwritten != null && !clock.instant().isBefore(oldestUnwritten.plus(MAX_DELAY))) {
            flush();
        }
    }

    synchronized void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        logs.append(runId, seq + 1, taskId, buffer.toString(), clock.instant());
        seq++;
        runs.addLogBytes(runId, bufferedBytes);
        buffer.setLength(0);
        bufferedBytes = 0;
        oldestUnwritten = null;
    }
}
