package io.devops.platform.agentgateway;

import io.devops.platform.inventory.NodeTargets;
import io.devops.platform.inventory.NodeUsage;
import io.devops.platform.shared.ConflictException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * An ad-hoc command (one sent by a user, not by a run's step) respects what runs respect: a locked
 * node or pool takes none, and neither does a node a running run holds, whose step must be the
 * only thing acting on it.
 */
@Component
class AdHocCommandGuard {

    private final NodeTargets targets;
    private final NodeUsage usage;

    AdHocCommandGuard(NodeTargets targets, NodeUsage usage) {
        this.targets = targets;
        this.usage = usage;
    }

    void requireFree(Collection<Long> nodeIds) {
        List<String> problems = new ArrayList<>(targets.locksOn(nodeIds).values());
        usage.usesOf(nodeIds).stream().filter(use -> "RUNNING".equals(use.status()))
                .forEach(use -> problems.add("node " + use.nodeId() + " is held by run " + use.runId() + " of job "
                        + use.jobName() + " (RUNNING)"));
        if (!problems.isEmpty()) {
            throw new ConflictException("Cannot send the command: " + String.join("; ", problems.stream().distinct().toList())
                    + ". Unlock the node, or wait for the run to end (or cancel it), then send it again.");
        }
    }
}
