package io.devops.platform.inventory;

import java.util.Collection;
import java.util.List;

/**
 * Who uses nodes right now, asked before a node is deleted or moved out of its pool. The
 * inventory owns the question and the modules that put nodes to work answer it (the execution
 * module: its queued and running runs), so the inventory depends on none of them.
 *
 * <p>The caller holds the nodes' rows locked ({@link NodeTargets#hold}'s counterpart), so a use
 * committed before the answer is seen and one begun after it waits for the caller's commit.
 */
public interface NodeUsage {

    /** The current uses of these nodes, oldest run first; empty when nothing uses them. */
    List<Use> usesOf(Collection<Long> nodeIds);

    /** A run that targets {@code nodeId} and has not ended ({@code status}: QUEUED, RUNNING). */
    record Use(long nodeId, long runId, String jobName, String status) {

        String describe() {
            return "run " + runId + " of job " + jobName + " (" + status + ")";
        }
    }
}
