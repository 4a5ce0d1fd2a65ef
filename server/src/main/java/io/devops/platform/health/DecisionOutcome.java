package io.devops.platform.health;

/** What a decision did about a condition. */
enum DecisionOutcome {
    /** The node went into REPAIR and the repair was requested. */
    DRAINED,
    /** The node is DELIVERED: a person must accept the repair. */
    RECOMMENDED,
    /** A limit stopped the drain: a recommendation instead. */
    LIMITED,
    /** A dry-run policy: what it would have done, nothing changed. */
    DRY_RUN,
    /** No rule, or the rule does not drain: recorded only. */
    RECORDED,
    /** The node's state leaves nothing to do (already in REPAIR or RMA, not in service, or it moved meanwhile). */
    NOT_APPLICABLE
}
