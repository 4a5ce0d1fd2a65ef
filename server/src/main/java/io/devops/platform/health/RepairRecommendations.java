package io.devops.platform.health;

import io.devops.platform.identity.TenantScope;
import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code repair_recommendations} rows (V53), scoped to the caller's tenants as the node list is. */
@Repository
class RepairRecommendations {

    private static final String FROM = " FROM repair_recommendations r JOIN nodes n ON n.id = r.node_id";

    private final JdbcClient jdbc;

    RepairRecommendations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Filter(Long nodeId, Long poolId, Boolean open) {
    }

    long insert(HealthDecisionStore.DueEvent event, long decisionId, HealthPolicyVersion policy, HealthRule rule, String reason,
                Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO repair_recommendations (node_id, health_event_id, decision_id, component, code, subject, severity, "
                        + "evidence, actions, escalate_after, policy_id, policy_version, reason, status, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)")
                .params(event.nodeId(), event.id(), decisionId, event.component(), event.code(), event.subject(), rule.severity(),
                        event.evidence(), HealthDecisionStore.names(rule.actions()), rule.escalateAfterRepairs(), policy.policyId(),
                        policy.version(), HealthDecisionStore.clip(reason), DbTime.toDb(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<RecommendationView> get(long id) {
        return jdbc.sql("SELECT r.*, n.ip, n.node_pool_id" + FROM + " WHERE r.id = ?").param(id).query(RepairRecommendations::map)
                .optional();
    }

    /** Resolves an open recommendation: false when someone resolved it first. */
    boolean resolve(long id, String status, String by, String comment, Instant at) {
        return jdbc.sql("UPDATE repair_recommendations SET status = ?, resolved_by = ?, resolution = ?, resolved_at = ? "
                        + "WHERE id = ? AND status = 'OPEN'")
                .params(status, by, comment, DbTime.toDb(at), id).update() == 1;
    }

    PageResult<RecommendationView> page(Filter filter, TenantScope scope, PageQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        HealthEventSearch.scoped(conditions, scope);
        HealthEventSearch.add(conditions, params, "r.node_id = ?", filter.nodeId());
        HealthEventSearch.add(conditions, params, "n.node_pool_id = ?", filter.poolId());
        if (filter.open() != null) {
            conditions.add(filter.open() ? "r.status = 'OPEN'" : "r.status <> 'OPEN'");
        }
        String where = FROM + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        long total = jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
        List<RecommendationView> items = jdbc.sql("SELECT r.*, n.ip, n.node_pool_id" + where + " ORDER BY r.created_at DESC, r.id DESC"
                        + query.limitOffset())
                .params(params).query(RepairRecommendations::map).list();
        return PageResult.of(items, total, query);
    }

    List<RecommendationView> ofNode(long nodeId) {
        return jdbc.sql("SELECT r.*, n.ip, n.node_pool_id" + FROM + " WHERE r.node_id = ? ORDER BY r.created_at DESC, r.id DESC LIMIT 200")
                .param(nodeId).query(RepairRecommendations::map).list();
    }

    private static RecommendationView map(ResultSet rs, int row) throws SQLException {
        return new RecommendationView(rs.getLong("id"), rs.getLong("node_id"), rs.getString("ip"), rs.getLong("node_pool_id"),
                rs.getLong("health_event_id"), rs.getLong("decision_id"), rs.getString("component"), rs.getString("code"),
                rs.getString("subject"), rs.getString("severity"), rs.getString("evidence"),
                HealthDecisionStore.actions(rs.getString("actions")), rs.getInt("escalate_after"), rs.getLong("policy_id"),
                rs.getInt("policy_version"), rs.getString("reason"), rs.getString("status"), DbTime.read(rs, "created_at"),
                DbTime.read(rs, "resolved_at"), rs.getString("resolved_by"), rs.getString("resolution"));
    }
}
