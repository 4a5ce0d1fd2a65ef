package io.devops.platform.lifecycle;

import java.time.Instant;
import java.util.List;

/** Public API: a node's lifecycle moves, oldest first, scoped like the node (the RMA record shows them). */
public interface LifecycleHistory {

    List<Move> of(long nodeId);

    /** One move; {@code from} null for the first, {@code override} when an ADMIN passed the delivery gate. */
    record Move(String from, String to, Instant at, String actor, Long runId, String reason, boolean override) {
    }
}
