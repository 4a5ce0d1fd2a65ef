package io.devops.platform.lifecycle;

import java.util.List;
import org.springframework.stereotype.Service;

/** {@link LifecycleHistory} on the node's recorded transitions. */
@Service
class HistoryReader implements LifecycleHistory {

    private final NodeLifecycle lifecycle;

    HistoryReader(NodeLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public List<Move> of(long nodeId) {
        return lifecycle.history(nodeId).stream().map(t -> new Move(t.from() == null ? null : t.from().name(), t.to().name(), t.at(),
                t.actor(), t.runId(), t.reason(), t.override())).toList();
    }
}
