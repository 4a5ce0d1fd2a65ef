package io.devops.platform.lifecycle;

/** Where a node is on its way to a tenant and back; {@link Transitions} says which moves are allowed. */
enum NodeState {
    NEW, COMMISSIONING, TESTING, READY, FAILED_TESTING, DELIVERED, RELEASING, BROKEN, MAINTENANCE,
    /** Drained for a repair: no new runs or deliveries; leaves only for re-acceptance (TESTING) or RMA. */
    REPAIR,
    /** Sent back to the vendor; a replaced part starts over as NEW. */
    RMA;

    /** Taking a node out of service always says why. */
    boolean needsReason() {
        return this == BROKEN || this == MAINTENANCE || this == REPAIR || this == RMA;
    }

    /** States only the platform's own operations enter: delivery and release move the node between pools too. */
    boolean enteredByMoveOnly() {
        return this == DELIVERED || this == RELEASING;
    }
}
