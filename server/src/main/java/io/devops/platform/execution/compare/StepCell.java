package io.devops.platform.execution.compare;

import io.devops.platform.execution.run.RunContents.HostResult;

/**
 * A node's outcome of one step: its status (NOT_RUN where the node has no result for the step,
 * because an earlier step failed or the run ended first), how long it took and its message.
 */
public record StepCell(String status, Long durationMs, String message) {

    static final String NOT_RUN = "NOT_RUN";

    static StepCell of(HostResult result) {
        return result == null ? new StepCell(NOT_RUN, null, null)
                : new StepCell(result.status().name(), result.durationMs(), result.message());
    }
}
