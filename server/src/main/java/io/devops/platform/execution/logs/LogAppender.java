package io.devops.platform.execution.logs;

import io.devops.platform.execution.run.RunFence;
import io.devops.platform.execution.run.Runs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers one run's output and writes it as chunks: when 64 KB have gathered, or a second after
 * the oldest unwritten line (the {@link LogFlusher} calls {@link #flushIfDue()}). A crash loses at
 * most that second.
 *
 * <p>Writing never throws at the caller, which is often a thread copying a process's output: a
 * failed write keeps the chunks and the flusher tries again. Once writes have failed for
 * {@link #WRITE_FAILURE_GRACE}, {@link #writeFailure()} says so, and the dispatchers stop the step
 * rather than run on without a log until its timeout.
 *
 * <p>An execution's own log is written under its {@link RunFence}: once the execution lost its run
 * (a paused instance that was presumed dead), its lines are dropped, not retried. That is no write
 * failure: the step is not stopped for it (a stop would reach the nodes, where the run's new owner
 * may run the same step), it ends at the execution's next fenced write.
 */
public final class LogAppender {

    private static final Logger log = LoggerFactory.getLogger(LogAppender.class);

    static final int CHUNK_BYTES = 64 * 1024;
    static final Duration MAX_DELAY = Duration.ofSeconds(1);
    static final Duration WRITE_FAILURE_GRACE = Duration.ofSeconds(3);

    private final long runId;
    /** The execution whose log this is; null for writers with no execution (recovery). */
    private final RunFence owner;
    private final RunLogs logs;
    private final Runs runs;
    private final Clock clock;
    private final StringBuilder buffer = new StringBuilder();
    /** Chunks complete but not written yet, oldest first: more than one only while writes fail. */
    private final Deque<Piece> unwritten = new ArrayDeque<>();
    private int bufferedBytes;
    private Instant oldestUnwritten;
    private long seq;
    private Long taskId;
    private Instant failingSince;
    private String failure;
    private boolean lost;

    LogAppender(long runId, RunLogs logs, Runs runs, Clock clock) {
        this(runId, null, logs, runs, clock);
    }

    LogAppender(long runId, RunFence owner, RunLogs logs, Runs runs, Clock clock) {
        this.runId = runId;
        this.owner = owner;
        this.logs = logs;
        this.runs = runs;
        this.clock = clock;
        this.seq = logs.lastSeq(runId);
    }

    long runId() {
        return runId;
    }

    /** Lines after this belong to that task (null: the run itself), so a step's output can be shown alone. */
    public synchronized void task(Long newTaskId) {
        flush();
        taskId = newTaskId;
    }

    public synchronized void line(String line) {
        if (lost) {
            return;
        }
        if (oldestUnwritten == null) {
            oldestUnwritten = clock.instant();
        }
        buffer.append(line).append('\n');
        bufferedBytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
        if (bufferedBytes >= CHUNK_BYTES) {
            seal();
            if (failingSince == null) {
                write(); // while writes fail, the flusher retries at its own pace, not once per line
            }
        }
    }

    synchronized void flushIfDue() {
        if (oldestUnwritten != null && !clock.instant().isBefore(oldestUnwritten.plus(MAX_DELAY))) {
            flush();
        }
    }

    /** Writes everything buffered; a failure is kept for {@link #writeFailure()}, not thrown. */
    synchronized void flush() {
        seal();
        write();
    }

    /** Why the log cannot be written, once writes have failed for {@link #WRITE_FAILURE_GRACE}. */
    public synchronized Optional<String> writeFailure() {
        if (failingSince == null || clock.instant().isBefore(failingSince.plus(WRITE_FAILURE_GRACE))) {
            return Optional.empty();
        }
        return Optional.of("the run log could not be written since " + failingSince + " (" + failure + ")");
    }

    /** Bytes of output that could not be written (yet). */
    synchronized long unwrittenBytes() {
        return bufferedBytes + unwritten.stream().mapToLong(Piece::bytes).sum();
    }

    private void seal() {
        if (!buffer.isEmpty()) {
            unwritten.add(new Piece(taskId, buffer.toString(), bufferedBytes));
            buffer.setLength(0);
            bufferedBytes = 0;
        }
    }

    private void write() {
        try {
            while (!unwritten.isEmpty()) {
                Piece piece = unwritten.peek();
                if (owner == null) {
                    logs.append(runId, seq + 1, piece.taskId(), piece.content(), clock.instant());
                } else if (!logs.append(owner, seq + 1, piece.taskId(), piece.content(), clock.instant())) {
                    drop();
                    return;
                }
                seq++;
                unwritten.poll();
                runs.addLogBytes(runId, piece.bytes());
            }
            if (failingSince != null) {
                log.info("Run {}: the log is written again", runId);
            }
            failingSince = null;
            failure = null;
            oldestUnwritten = buffer.isEmpty() ? null : oldestUnwritten;
        } catch (RuntimeException e) {
            if (failingSince == null) {
                failingSince = clock.instant();
                log.warn("Run {}: could not write the log; keeping it and trying again: {}", runId, e.toString());
            }
            failure = rootMessage(e);
        }
    }

    /** The execution lost its run: nothing more of its output is kept or written. */
    private void drop() {
        log.warn("Run {}: {} no longer holds; dropping {} byte(s) of its log and whatever it writes after", runId, owner,
                unwrittenBytes());
        lost = true;
        unwritten.clear();
        buffer.setLength(0);
        bufferedBytes = 0;
        oldestUnwritten = null;
        failingSince = null;
        failure = null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String firstLine = message.lines().findFirst().orElse(message);
        return firstLine.length() <= 300 ? firstLine : firstLine.substring(0, 300) + "…";
    }

    /** A chunk of the log with the task it belongs to. */
    private record Piece(Long taskId, String content, int bytes) {
    }
}
