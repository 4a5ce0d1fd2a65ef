package io.devops.platform.inventory;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which tenants a job's or run's targets belong to, for the job and execution modules' scoping:
 * a node by its pool, a pool by its tenant; the spare pool belongs to none.
 */
@Service
@Transactional(readOnly = true)
public class TargetTenants {

    private final JdbcClient jdbc;

    TargetTenants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Unknown ids are left out: callers report them as missing. */
    public Owners of(Collection<Long> nodeIds, Collection<Long> poolIds) {
        Set<Long> tenants = new LinkedHashSet<>();
        boolean unowned = false;
        for (List<Long> chunk : Nodes.chunks(List.copyOf(new LinkedHashSet<>(nodeIds)))) {
            for (Long tenant : jdbc.sql("SELECT p.tenant_id FROM nodes n JOIN node_pools p ON p.id = n.node_pool_id"
                    + " WHERE n.id IN (:ids)").param("ids", chunk).query((rs, row) -> Rows.nullableLong(rs, "tenant_id")).list()) {
                unowned |= tenant == null;
                if (tenant != null) {
                    tenants.add(tenant);
                }
            }
        }
        for (List<Long> chunk : Nodes.chunks(List.copyOf(new LinkedHashSet<>(poolIds)))) {
            for (Long tenant : jdbc.sql("SELECT tenant_id FROM node_pools WHERE id IN (:ids)").param("ids", chunk)
                    .query((rs, row) -> Rows.nullableLong(rs, "tenant_id")).list()) {
                unowned |= tenant == null;
                if (tenant != null) {
                    tenants.add(tenant);
                }
            }
        }
        return new Owners(Set.copyOf(tenants), unowned);
    }

    /** The tenants of the node and pool ids given; {@code unowned} when any is in the spare pool. */
    public record Owners(Set<Long> tenantIds, boolean unowned) {

        /** The one tenant owning every target, or null when they span tenants, include the spare pool or are none. */
        public Long single() {
            return !unowned && tenantIds.size() == 1 ? tenantIds.iterator().next() : null;
        }
    }
}
