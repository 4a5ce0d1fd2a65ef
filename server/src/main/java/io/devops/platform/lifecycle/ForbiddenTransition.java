package io.devops.platform.lifecycle;

import io.devops.platform.shared.ConflictException;
import java.util.Map;

/** 409: the table does not allow this move; the answer names both states and where the node may go. */
class ForbiddenTransition extends ConflictException {

    ForbiddenTransition(String node, NodeState from, NodeState to) {
        super(node + " cannot go from " + from + " to " + to + ": from " + from + " it may go to "
                        + String.join(", ", Transitions.from(from).stream().map(Enum::name).toList()),
                Map.of("from", from.name(), "to", to.name(), "allowed", Transitions.from(from).stream().map(Enum::name).toList()));
    }
}
