package io.devops.platform.execution;

import io.devops.platform.execution.run.Runs;
import io.devops.platform.inventory.NodeUsage;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** Answers the inventory's question before a node is deleted or moved: which runs still hold it. */
@Component
class RunsUsingNodes implements NodeUsage {

    private final Runs runs;

    RunsUsingNodes(Runs runs) {
        this.runs = runs;
    }

    /** Read in the caller's transaction (no own one): the caller holds the nodes' rows while it asks. */
    @Override
    public List<Use> usesOf(Collection<Long> nodeIds) {
        return nodeIds.isEmpty() ? List.of() : runs.activeOn(nodeIds);
    }
}
