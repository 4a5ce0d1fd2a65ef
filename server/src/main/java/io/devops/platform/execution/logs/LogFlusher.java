package io.devops.platform.execution.logs;

import io.devops.platform.execution.run.RunFence;
import io.devops.platform.execution.run.Runs;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Opens log appenders for running runs and writes their output at most a second late. */
@Component
public class LogFlusher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LogFlusher.class);

    private final RunLogs logs;
    private final Runs runs;
    private final Clock clock;
    private final Map<Writer, LogAppender> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "run-log-flusher");
        thread.setDaemon(true);
        return thread;
    });

    LogFlusher(RunLogs logs, Runs runs, Clock clock) {
        this.logs = logs;
        this.runs = runs;
        this.clock = clock;
        timer.scheduleWithFixedDelay(this::flushDue, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** For writers with no execution (recovery): their lines are written whoever owns the run. */
    public LogAppender open(long runId) {
        return open.computeIfAbsent(new Writer(runId, null), writer -> new LogAppender(runId, logs, runs, clock));
    }

    /** For the execution that owns the run: its lines are written only while it does. */
    public LogAppender open(RunFence owner) {
        return open.computeIfAbsent(new Writer(owner.runId(), owner), writer -> new LogAppender(owner.runId(), owner, logs, runs, clock));
    }

    public void close(long runId) {
        close(new Writer(runId, null));
    }

    public void close(RunFence owner) {
        close(new Writer(owner.runId(), owner));
    }

    /** Writes the rest; what cannot be written now is given up (and logged) rather than holding the run open. */
    private void close(Writer writer) {
        long runId = writer.runId();
        LogAppender appender = open.remove(writer);
        if (appender != null) {
            appender.flush();
            if (appender.unwrittenBytes() > 0) {
                log.error("Run {}: {} bytes of its log could not be written: {}", runId, appender.unwrittenBytes(),
                        appender.writeFailure().orElse("the last write failed"));
            }
        }
    }

    private void flushDue() {
        for (LogAppender appender : open.values()) {
            try {
                appender.flushIfDue();
            } catch (RuntimeException e) {
                log.warn("Could not write the log of run {} yet; will retry: {}", appender.runId(), e.getMessage());
            }
        }
    }

    @Override
    public void destroy() {
        timer.shutdown();
        open.values().forEach(LogAppender::flush);
    }

    /**
     * One writer of a run's log on this instance: an execution of it (its fence) or recovery (none).
     * A stale execution and the run's new one may both be here, each with its own appender.
     */
    private record Writer(long runId, RunFence owner) {
    }
}
