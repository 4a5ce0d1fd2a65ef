package io.devops.platform.lifecycle;

import java.util.Optional;

/**
 * Public API: the lifecycle moves that health decisions and repairs make, each one along the
 * transition table, recorded with the actor given (a person, or a policy and its version such as
 * {@code policy:default@v3}). None of them throws for a move the table forbids: they answer empty or
 * false, and the caller records why it did not act.
 */
public interface RepairStates {

    /** The node's lifecycle state (NEW … RMA), as its name. */
    String state(long nodeId);

    /**
     * Drains the node: READY, TESTING, FAILED_TESTING or MAINTENANCE → REPAIR (no new runs or
     * deliveries). Answers the state it left, or empty when the table forbids it (DELIVERED, NEW, …)
     * or the node changed state meanwhile.
     */
    Optional<String> enterRepair(long nodeId, String actor, String reason);

    /** How many of these nodes are in REPAIR now (one query per thousand nodes, not one per node). */
    long inRepair(java.util.Collection<Long> nodeIds);

    /** REPAIR → RMA (also from FAILED_TESTING, through REPAIR): false when the table forbids it. */
    boolean enterRma(long nodeId, String actor, String reason);
}
