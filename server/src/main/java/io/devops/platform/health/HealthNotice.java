package io.devops.platform.health;

import java.time.Instant;

/**
 * Public API: something about a node's health that people should hear of, published in the
 * transaction that decided it (listeners act after its commit). {@code recommendationId} is set for
 * a recommendation (a DELIVERED node, or one past the policy's limits); {@code tenantId} is the
 * node's pool's tenant, null for the operations team's pools.
 */
public record HealthNotice(Kind kind, long nodeId, String nodeIp, Long tenantId, Long recommendationId, String component,
                           String code, String severity, String evidence, String reason, String actor, Instant at) {

    public enum Kind {
        /** A repair the policy proposes and a person must accept (the node is DELIVERED). */
        RECOMMENDATION,
        /** The policy would have drained the node but a limit stopped it; a recommendation instead. */
        LIMIT_REACHED,
        /** The policy (or a person) drained the node into REPAIR. */
        DRAINED
    }
}
