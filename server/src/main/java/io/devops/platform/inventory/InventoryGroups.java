package io.devops.platform.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Ansible inventory groups a pool's nodes are in besides {@code all}: {@code pool_<slug>} and,
 * for a tenant's pool, {@code tenant_<slug>}. Slugs, never display names: a name may be
 * {@code 交付任务-北京A区}, a group name must be a safe identifier.
 */
@Component
public class InventoryGroups {

    private final JdbcClient jdbc;

    InventoryGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each existing pool's groups, by pool id; a pool deleted meanwhile has none. */
    public Map<Long, List<String>> ofPools(Collection<Long> poolIds) {
        Map<Long, List<String>> groups = new HashMap<>();
        for (List<Long> chunk : Nodes.chunks(List.copyOf(new LinkedHashSet<>(poolIds)))) {
            jdbc.sql("""
                    SELECT p.id, p.name, p.slug, t.name AS tenant_name, t.slug AS tenant_slug
                    FROM node_pools p LEFT JOIN tenants t ON t.id = p.tenant_id WHERE p.id IN (:ids)""")
                    .param("ids", chunk)
                    .query(rs -> {
                        List<String> names = new ArrayList<>();
                        names.add("pool_" + Rows.slug(rs, ""));
                        if (rs.getString("tenant_name") != null) {
                            names.add("tenant_" + Rows.slug(rs, "tenant_"));
                        }
                        groups.put(rs.getLong("id"), List.copyOf(names));
                    });
        }
        return groups;
    }
}
