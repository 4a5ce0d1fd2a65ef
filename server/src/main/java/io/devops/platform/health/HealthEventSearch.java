package io.devops.platform.health;

import io.devops.platform.identity.TenantScope;
import io.devops.platform.identity.TenantScopes;
import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The filtered, paged list of health events, newest first, scoped as the node list is: a tenant
 * user sees the events of its tenants' nodes only (a node through its pool's tenant; the spare
 * pool's only the operations team).
 */
@Component
class HealthEventSearch {

    private final JdbcClient jdbc;
    private final TenantScopes scopes;

    HealthEventSearch(JdbcClient jdbc, TenantScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    record Filter(Long nodeId, Long poolId, String severity, Boolean open) {
    }

    PageResult<HealthEventView> page(Filter filter, PageQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        TenantScope scope = scopes.current();
        scoped(conditions, scope);
        add(conditions, params, "e.node_id = ?", filter.nodeId());
        add(conditions, params, "n.node_pool_id = ?", filter.poolId());
        add(conditions, params, "e.severity = ?", filter.severity());
        add(conditions, params, "e.is_open = ?", filter.open());
        String from = " FROM health_events e JOIN nodes n ON n.id = e.node_id"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        long total = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
        List<HealthEventView> items = jdbc.sql("SELECT e.*" + from + " ORDER BY e.last_seen DESC, e.id DESC" + query.limitOffset())
                .params(params)
                .query(HealthEventSearch::map)
                .list();
        return PageResult.of(items, total, query);
    }

    /** The node's newest events (its page shows them beside the decisions; the caller has checked it may see the node). */
    List<HealthEventView> ofNode(long nodeId) {
        return jdbc.sql("SELECT * FROM health_events WHERE node_id = ? ORDER BY last_seen DESC, id DESC LIMIT 200").param(nodeId)
                .query(HealthEventSearch::map).list();
    }

    private static HealthEventView map(ResultSet rs, int row) throws SQLException {
        Long version = rs.getObject("policy_version", Long.class);
        return new HealthEventView(rs.getLong("id"), rs.getLong("node_id"), rs.getString("component"), rs.getString("code"),
                rs.getString("subject"), rs.getString("severity"), rs.getString("message"), rs.getString("evidence"),
                DbTime.read(rs, "first_seen"), DbTime.read(rs, "last_seen"), rs.getLong("event_count"), rs.getBoolean("is_open"),
                version, rs.getString("action"));
    }

    /** Limits rows joined to their node {@code n} to the caller's tenants' pools (nothing for the operations team). */
    static void scoped(List<String> conditions, TenantScope scope) {
        if (!scope.global()) {
            conditions.add("n.node_pool_id IN (SELECT sp.id FROM node_pools sp WHERE sp.tenant_id IN (" + scope.tenantIdLiterals() + "))");
        }
    }

    static void add(List<String> conditions, List<Object> params, String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.add(value);
        }
    }
}
