package io.devops.platform.execution.logs;

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
    private final Map<Long, LogAppender> open = new ConcurrentHashMap<>();
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

    public LogAppender open(long runId) {
        return open.computeIfAbsent(runId, id -> new LogAppender(id, logs, runs, clock));
    }

    /** Writes the rest; what cannot be written now is given up (and logged) rather than holding the run open. */
    public void close(long runId) {
        LogAppender appender = open.remove(runId);
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
}
