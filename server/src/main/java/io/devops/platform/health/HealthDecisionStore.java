package io.devops.platform.health;

import io.devops.platform.shared.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code health_decisions} rows, and the decision columns of {@code health_events} (V53). */
@Repository
class HealthDecisionStore {

    /** An event whose decision is owed, as the decision reads it. */
    record DueEvent(long id, long nodeId, String component, String code, String subject, String severity, String evidence) {
    }

    private final JdbcClient jdbc;

    HealthDecisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Long> due(Long nodeId, int max) {
        return jdbc.sql("SELECT id FROM health_events WHERE decision_due = TRUE" + (nodeId == null ? "" : " AND node_id = " + nodeId)
                + " ORDER BY received_at, id LIMIT " + max).query(Long.class).list();
    }

    /** Takes the owed decision for this transaction: false when another one already took it. */
    boolean claim(long eventId) {
        return jdbc.sql("UPDATE health_events SET decision_due = FALSE WHERE id = ? AND decision_due = TRUE").param(eventId).update() == 1;
    }

    Optional<DueEvent> event(long eventId) {
        return jdbc.sql("SELECT id, node_id, component, code, subject, severity, evidence FROM health_events WHERE id = ?")
                .param(eventId)
                .query((rs, row) -> new DueEvent(rs.getLong("id"), rs.getLong("node_id"), rs.getString("component"),
                        rs.getString("code"), rs.getString("subject"), rs.getString("severity"), rs.getString("evidence")))
                .optional();
    }

    /** Records the decision, once per event and severity: empty when it was already made. */
    Optional<Long> insert(DueEvent event, long poolId, HealthPolicyVersion policy, DecisionRules.Plan plan, String nodeState, Instant at) {
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO health_decisions (health_event_id, node_id, pool_id, severity, policy_id, policy_version, policy_actor, "
                            + "actions, outcome, node_state, reason, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(event.id(), event.nodeId(), poolId, event.severity(), policy.policyId(), policy.version(), policy.actor(),
                            names(plan.actions()), plan.outcome().name(), nodeState, clip(plan.reason()), DbTime.toDb(at))
                    .update(keys, "id");
        } catch (DuplicateKeyException decided) {
            return Optional.empty();
        }
        jdbc.sql("UPDATE health_events SET policy_id = ?, policy_version = ?, action = ? WHERE id = ?")
                .params(policy.policyId(), policy.version(), plan.outcome().name(), event.id()).update();
        return Optional.of(keys.getKey().longValue());
    }

    /** The nodes of the pool the policy ever drained (the caller asks which are still in REPAIR). */
    List<Long> drainedNodesOfPool(long poolId) {
        return jdbc.sql("SELECT DISTINCT d.node_id FROM health_decisions d JOIN nodes n ON n.id = d.node_id "
                + "WHERE d.outcome = 'DRAINED' AND n.node_pool_id = ?").param(poolId).query(Long.class).list();
    }

    int drainedSince(Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM health_decisions WHERE outcome = 'DRAINED' AND decided_at >= ?")
                .param(DbTime.toDb(since)).query(Integer.class).single();
    }

    List<DecisionView> ofNode(long nodeId) {
        return jdbc.sql("SELECT * FROM health_decisions WHERE node_id = ? ORDER BY decided_at DESC, id DESC LIMIT 200")
                .param(nodeId).query(HealthDecisionStore::map).list();
    }

    static String names(List<RepairAction> actions) {
        return actions.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static List<RepairAction> actions(String names) {
        return names == null || names.isBlank() ? List.of() : Arrays.stream(names.split(",")).map(RepairAction::valueOf).toList();
    }

    static String clip(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    private static DecisionView map(ResultSet rs, int row) throws SQLException {
        return new DecisionView(rs.getLong("id"), rs.getLong("health_event_id"), rs.getLong("node_id"), rs.getString("severity"),
                rs.getLong("policy_id"), rs.getInt("policy_version"), rs.getString("policy_actor"), actions(rs.getString("actions")),
                rs.getString("outcome"), rs.getString("node_state"), rs.getString("reason"), DbTime.read(rs, "decided_at"));
    }
}
