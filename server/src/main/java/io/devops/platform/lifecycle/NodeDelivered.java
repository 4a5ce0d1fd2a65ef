package io.devops.platform.lifecycle;

import java.time.Instant;

/**
 * Published inside the delivery's transaction when a node becomes DELIVERED into a tenant's pool
 * ({@code POST /nodes/{id}/deliver} or a move into the pool): {@code override} when an ADMIN passed
 * the gate, {@code reason} the recorded reason of the move (with the override's comment and what was
 * missing). A listener that fails rolls the delivery back: the certificate is frozen with it.
 */
public record NodeDelivered(long nodeId, long tenantId, long poolId, String poolName, Instant at, String actor, boolean override,
                            String reason) {
}
