package io.devops.platform.execution.run;

/**
 * Told once when a run has reached a final status (SUCCEEDED, FAILED, CANCELLED, INTERRUPTED), by
 * the move that put it there. Implemented above this package (where the module's public events
 * live), so that the state machine stays at the bottom and still is the one place that knows.
 * An observer must not throw: the run has ended whatever it does.
 */
public interface RunEndObserver {

    void runEnded(long runId);
}
