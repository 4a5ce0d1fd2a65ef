package io.devops.platform.execution.run;

import java.time.Instant;
import java.util.EnumSet;

/**
 * Test support for the other parts of execution: a run's fence taken and lost through the real
 * repository, where the status writes are the {@code run} package's own.
 */
public final class OwnedRuns {

    private OwnedRuns() {
    }

    /** The execution on {@code executor} takes the queued run: its fence. */
    public static RunFence start(Runs runs, long runId, String executor) {
        return runs.start(runId, Instant.now(), executor).orElseThrow();
    }

    /** The owner's instance was presumed dead: the run is interrupted and resumed, ready for a new execution. */
    public static void interruptAndResume(Runs runs, long runId) {
        if (!runs.transition(runId, EnumSet.of(RunStatus.RUNNING), RunStatus.INTERRUPTED, "no heartbeat", Instant.now(), "test")
                || !runs.transition(runId, EnumSet.of(RunStatus.INTERRUPTED), RunStatus.QUEUED, "resumed", Instant.now(), "test")) {
            throw new IllegalStateException("run " + runId + " was not running");
        }
    }
}
