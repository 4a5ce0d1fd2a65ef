package io.devops.platform.inventory;

import java.util.List;

/**
 * Asked by every move of nodes between pools ({@code PUT /nodes/{id}} with another pool,
 * {@code POST /node-pools/{id}/nodes}) after the nodes' rows are locked and before anything is
 * written: moving a node into a tenant's pool is delivering it, moving a delivered node out is
 * releasing it. The lifecycle module implements it: it refuses (409 naming what is missing and
 * pointing to {@code POST /nodes/{id}/deliver}) or records the transitions in the move's transaction.
 */
public interface DeliveryGate {

    void admitMove(List<Arrival> arrivals, String reason);

    /** One node leaving {@code from} for {@code to}; a pool's tenant is null for the spare pool. */
    record Arrival(long nodeId, String ip, Place from, Place to) {
    }

    record Place(long poolId, String poolName, Long tenantId) {
    }
}
