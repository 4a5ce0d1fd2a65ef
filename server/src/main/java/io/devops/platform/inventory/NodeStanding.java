package io.devops.platform.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * Where a node stands in its lifecycle, shown with the node ({@code GET /nodes/{id}}). The inventory
 * owns the question and the lifecycle module answers it, so the inventory depends on none of it.
 */
public interface NodeStanding {

    /** {@code poolTenantId}: the tenant of the node's pool, null for the spare pool. */
    Standing of(long nodeId, Long poolTenantId);

    /**
     * The lifecycle states of many nodes at once, for list pages (one query, whatever the page size):
     * {@code poolTenantIds} maps each node to its pool's tenant (null for the spare pool).
     */
    Map<Long, String> states(Map<Long, Long> poolTenantIds);

    /**
     * {@code lifecycle}: the node's state; {@code acceptance}: the worst of its latest verdict per
     * check (verdict null when it has none); {@code deliveryOverride}: set while the node is in a
     * tenant's pool by an ADMIN's override of the delivery gate.
     */
    record Standing(String lifecycle, Acceptance acceptance, DeliveryOverride deliveryOverride) {
    }

    /** Written whole, nulls included: a node without verdicts shows {@code "verdict":null}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Acceptance(String verdict, Long runId, Instant at) {
    }

    record DeliveryOverride(String by, Instant at, String comment) {
    }
}
