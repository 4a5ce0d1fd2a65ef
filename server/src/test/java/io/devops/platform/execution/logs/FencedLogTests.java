package io.devops.platform.execution.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.execution.run.OwnedRuns;
import io.devops.platform.execution.run.RunFence;
import io.devops.platform.execution.run.Runs;
import io.devops.platform.execution.run.Runs.NewRun;
import io.devops.platform.support.ApiTest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A run's log is written under its owner's fence: an execution that lost its run writes nothing into it. */
class FencedLogTests extends ApiTest {

    private static final String EXECUTOR = "log-fence:1";

    @Autowired
    Runs runs;
    @Autowired
    RunLogs logs;
    @Autowired
    JdbcClient jdbc;

    private final List<Long> created = new ArrayList<>();

    /** The made-up runs end, so that no instance started later on the same database picks up a queued one. */
    @AfterEach
    void endTheRuns() {
        if (!created.isEmpty()) {
            jdbc.sql("UPDATE runs SET status = 'CANCELLED' WHERE id IN (:ids)").param("ids", created).update();
        }
    }

    @Test
    void anExecutionThatLostItsRunWritesNoLogLineAndLeavesTheNewOwnersLogWhole() {
        long runId = queuedRun();
        RunFence first = OwnedRuns.start(runs, runId, EXECUTOR);
        // Appenders of their own, not the flusher's: the test says when each one writes.
        LogAppender stale = new LogAppender(runId, first, logs, runs, Clock.systemUTC());
        stale.line("first execution, before its instance paused");
        stale.flush();
        // Its instance paused with output buffered; recovery interrupted the run, a resume gave it to a new execution.
        stale.line("first execution, buffered while paused");
        OwnedRuns.interruptAndResume(runs, runId);
        RunFence second = OwnedRuns.start(runs, runId, EXECUTOR);
        LogAppender owner = new LogAppender(runId, second, logs, runs, Clock.systemUTC());
        owner.line("second execution");

        // The first wakes up first: its flush must neither land in the run nor take the owner's next sequence number.
        stale.flush();
        stale.line("first execution, after it woke");
        stale.flush();
        owner.flush();

        assertThat(stale.writeFailure()).as("a lost run is no write failure: no stop of the step").isEmpty();
        assertThat(owner.writeFailure()).isEmpty();
        assertThat(owner.unwrittenBytes()).isZero();
        assertThat(jdbc.sql("SELECT content FROM run_log_chunks WHERE run_id = ? ORDER BY seq").param(runId).query(String.class).list())
                .containsExactly("first execution, before its instance paused\n", "second execution\n");
    }

    private long queuedRun() {
        long runId = runs.insert(new NewRun(1, 1, 1, unique("log-fence"), "CONTINUE", "admin", null, "RUN"), Instant.now());
        created.add(runId);
        return runId;
    }
}
