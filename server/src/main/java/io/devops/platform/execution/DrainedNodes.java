package io.devops.platform.execution;

import io.devops.platform.inventory.NodeTargets;
import io.devops.platform.inventory.NodeTargets.TargetNode;
import io.devops.platform.shared.ConflictException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A node drained for a repair (REPAIR) or sent to the vendor (RMA) takes no new runs: whatever a
 * job would do there could hide or undo what the repair is about. The one exception is the run its
 * repair starts to accept it again.
 */
@Component
class DrainedNodes {

    private static final Set<String> DRAINED = Set.of("REPAIR", "RMA");

    private final NodeTargets targets;

    DrainedNodes(NodeTargets targets) {
        this.targets = targets;
    }

    /** 409 naming each drained node of {@code nodes}, unless the start is a repair's re-acceptance. */
    void refuse(String what, List<TargetNode> nodes, boolean repairsReacceptance) {
        if (repairsReacceptance || nodes.isEmpty()) {
            return;
        }
        Map<Long, String> states = targets.lifecycleStates(nodes.stream().map(TargetNode::id).toList());
        List<String> drained = nodes.stream().filter(node -> DRAINED.contains(states.get(node.id())))
                .map(node -> node.ip() + " (" + states.get(node.id()) + ")").toList();
        if (!drained.isEmpty()) {
            throw new ConflictException("Cannot start " + what + ": " + String.join(", ", drained)
                    + " drained: a node in REPAIR or RMA takes no new runs; its repair starts its re-acceptance");
        }
    }
}
