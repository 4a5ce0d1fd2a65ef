package io.devops.platform.health;

import io.devops.platform.identity.TenantScope;
import io.devops.platform.identity.TenantScopes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open conditions counted by kind (component) and by severity, for the pool and home pages: a
 * glance at what is wrong now, without paging through the list. Scoped as the list is.
 */
@Component
class HealthEventSummary {

    private final JdbcClient jdbc;
    private final TenantScopes scopes;

    HealthEventSummary(JdbcClient jdbc, TenantScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /** Counts of open conditions; a kind or severity with none is absent. */
    record Counts(Map<String, Long> open, Map<String, Long> bySeverity) {
    }

    Counts of(Long poolId) {
        return new Counts(countBy("e.component", poolId), countBy("e.severity", poolId));
    }

    private Map<String, Long> countBy(String column, Long poolId) {
        List<String> conditions = new ArrayList<>(List.of("e.is_open = TRUE"));
        List<Object> params = new ArrayList<>();
        TenantScope scope = scopes.current();
        if (!scope.global()) {
            conditions.add("n.node_pool_id IN (SELECT sp.id FROM node_pools sp WHERE sp.tenant_id IN (" + scope.tenantIdLiterals() + "))");
        }
        if (poolId != null) {
            conditions.add("n.node_pool_id = ?");
            params.add(poolId);
        }
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT " + column + " AS k, COUNT(*) AS c FROM health_events e JOIN nodes n ON n.id = e.node_id WHERE "
                        + String.join(" AND ", conditions) + " GROUP BY " + column)
                .params(params)
                .query(rs -> {
                    counts.put(rs.getString("k"), rs.getLong("c"));
                });
        return counts;
    }
}
