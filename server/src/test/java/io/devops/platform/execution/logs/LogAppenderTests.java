package io.devops.platform.execution.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.execution.run.Runs;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class LogAppenderTests {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final FlakyLogs logs = new FlakyLogs();
    private final LogAppender appender = new LogAppender(7, logs, new Runs(null) {
        @Override
        public void addLogBytes(long id, long bytes) {
        }
    }, clock);

    @Test
    void aFailedWriteNeverReachesTheCallerAndIsWrittenInOrderOnceTheDatabaseIsBack() {
        logs.failing = true;
        appender.line("one");
        appender.line("x".repeat(LogAppender.CHUNK_BYTES)); // a full chunk: written at once, or kept
        appender.line("two");
        appender.flush();
        assertThat(logs.written).isEmpty();

        logs.failing = false;
        now = now.plusSeconds(1);
        appender.flushIfDue();

        assertThat(logs.written).extracting(Chunk::seq).containsExactly(1L, 2L);
        assertThat(logs.written.get(0).content()).startsWith("one\nxxx");
        assertThat(logs.written.get(1).content()).isEqualTo("two\n");
        assertThat(appender.unwrittenBytes()).isZero();
    }

    @Test
    void aWriteFailureIsReportedOnlyWhenItLastsAndNoLongerOnceWritesWork() {
        logs.failing = true;
        appender.line("one");
        appender.flush();
        assertThat(appender.writeFailure()).isEmpty();

        now = now.plus(LogAppender.WRITE_FAILURE_GRACE);
        assertThat(appender.writeFailure()).hasValue("the run log could not be written since 2026-01-01T00:00:00Z (disk full)");

        logs.failing = false;
        appender.flush();
        assertThat(appender.writeFailure()).isEmpty();
        assertThat(logs.written).hasSize(1);
    }

    private record Chunk(long seq, String content) {
    }

    /** The run's log chunks, refusing writes while {@code failing}. */
    private static final class FlakyLogs extends RunLogs {
        final List<Chunk> written = new ArrayList<>();
        boolean failing;

        FlakyLogs() {
            super(null);
        }

        @Override
        long lastSeq(long runId) {
            return 0;
        }

        @Override
        public void append(long runId, long seq, Long taskId, String content, Instant at) {
            if (failing) {
                throw new DataAccessResourceFailureException("write failed", new java.io.IOException("disk full"));
            }
            written.add(new Chunk(seq, content));
        }
    }
}
