package io.devops.platform.execution;

import io.devops.platform.execution.run.Runs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Whether the user asked to cancel the run, read from the database (the request may arrive at
 * any instance) at most every half second.
 */
final class CancelCheck implements BooleanSupplier {

    private static final Duration INTERVAL = Duration.ofMillis(500);

    private final Runs runs;
    private final long runId;
    private final Clock clock;
    private Instant nextLook = Instant.MIN;
    private boolean cancelled;

    CancelCheck(Runs runs, long runId, Clock clock) {
        this.runs = runs;
        this.runId = runId;
        this.clock = clock;
    }

    @Override
    public boolean getAsBoolean() {
        Instant now = clock.instant();
        if (!cancelled && !now.isBefore(nextLook)) {
            cancelled = runs.cancelRequested(runId);
            nextLook = now.plus(INTERVAL);
        }
        return cancelled;
    }
}
