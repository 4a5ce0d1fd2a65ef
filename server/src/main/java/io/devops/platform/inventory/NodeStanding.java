package io.devops.platform.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Where a node stands in its lifecycle, shown with the node ({@code GET /nodes/{id}}). The inventory
 * owns the question and the lifecycle module answers it, so the inventory depends on none of it.
 */
public interface NodeStanding {

    /** {@code poolTenantId}: the tenant of the node's pool, null for the spare pool. */
    Standing of(long nodeId, Long poolTenantId);

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
