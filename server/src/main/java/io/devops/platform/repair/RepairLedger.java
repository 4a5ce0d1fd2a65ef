package io.devops.platform.repair;

import io.devops.platform.health.RepairAction;
import io.devops.platform.shared.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code node_repairs}: every attempt, written before it acts; moves are conditional on the status they leave. */
@Repository
class RepairLedger {

    private static final String COLUMNS = "id, node_id, component, code, subject, health_event_id, actions, escalate_after,"
            + " reacceptance_checks, action, run_id, actor, reason, policy_id, policy_version, status, result, detail, created_at,"
            + " started_at, ended_at";

    private final JdbcClient jdbc;

    RepairLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new attempt starts from. */
    record NewRepair(long nodeId, Condition condition, Long healthEventId, List<RepairAction> chain, int escalateAfter,
                     List<String> reacceptanceChecks, String actor, String reason, Long policyId, Integer policyVersion,
                     RepairStatus status) {
    }

    long open(NewRepair repair, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO node_repairs (node_id, component, code, subject, health_event_id, actions, escalate_after,"
                        + " reacceptance_checks, actor, reason, policy_id, policy_version, status, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(repair.nodeId(), repair.condition().component(), repair.condition().code(), repair.condition().subject(),
                        repair.healthEventId(), String.join(",", repair.chain().stream().map(Enum::name).toList()),
                        repair.escalateAfter(), String.join(",", repair.reacceptanceChecks()), repair.actor(),
                        clip(repair.reason(), 1000), repair.policyId(), repair.policyVersion(), repair.status().name(), DbTime.toDb(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Repair> get(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM node_repairs WHERE id = ?").param(id).query(RepairLedger::row).optional();
    }

    /** The node's attempts, oldest first. */
    List<Repair> ofNode(long nodeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM node_repairs WHERE node_id = ? ORDER BY id").param(nodeId)
                .query(RepairLedger::row).list();
    }

    /** Attempts a restart interrupted: recorded or acting, never ended. */
    List<Repair> unfinished() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM node_repairs WHERE status IN ('PENDING', 'ACTING') ORDER BY id")
                .query(RepairLedger::row).list();
    }

    /** The repairs the node has had for the condition (an action done, whatever its result), besides {@code exceptId}. */
    int repairsOf(long nodeId, Condition condition, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM node_repairs WHERE node_id = ? AND component = ? AND code = ? AND subject = ?"
                        + " AND id <> ? AND action IS NOT NULL AND action <> 'RMA' AND result IN ('SUCCEEDED', 'FAILED')")
                .params(nodeId, condition.component(), condition.code(), condition.subject(), exceptId).query(Integer.class).single();
    }

    /** The node's attempt under way (recorded, acting or re-accepting), if any. */
    Optional<Repair> underWay(long nodeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM node_repairs WHERE node_id = ? AND status IN ('PENDING', 'ACTING', 'REACCEPTING')"
                + " ORDER BY id DESC LIMIT 1").param(nodeId).query(RepairLedger::row).optional();
    }

    Optional<Repair> latest(long nodeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM node_repairs WHERE node_id = ? ORDER BY id DESC LIMIT 1").param(nodeId)
                .query(RepairLedger::row).optional();
    }

    Optional<Repair> latestWith(long nodeId, RepairStatus status) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM node_repairs WHERE node_id = ? AND status = ? ORDER BY id DESC LIMIT 1")
                .params(nodeId, status.name()).query(RepairLedger::row).optional();
    }

    Optional<Repair> reacceptedBy(long nodeId, long runId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM node_repairs WHERE node_id = ? AND run_id = ? AND status = 'REACCEPTING'")
                .params(nodeId, runId).query(RepairLedger::row).optional();
    }

    /** PENDING or WAITING → ACTING with the chosen action; false when another worker took it. */
    boolean acting(long id, RepairAction action, Instant now) {
        return jdbc.sql("UPDATE node_repairs SET status = 'ACTING', action = ?, started_at = ? WHERE id = ?"
                        + " AND status IN ('PENDING', 'WAITING')")
                .params(action.name(), DbTime.toDb(now), id).update() == 1;
    }

    /** No action to take: an operator decides; the attempt waits, recorded with why. */
    void waiting(long id, String detail) {
        jdbc.sql("UPDATE node_repairs SET status = 'WAITING', detail = ? WHERE id = ?").params(clip(detail, 2000), id).update();
    }

    void ended(long id, RepairResult result, Instant now) {
        jdbc.sql("UPDATE node_repairs SET status = 'ENDED', result = ?, detail = ?, ended_at = ? WHERE id = ?")
                .params(result.kind().name(), clip(result.detail(), 2000), DbTime.toDb(now), id).update();
    }

    /** The action succeeded and the re-acceptance run started: the attempt ends with the run's verdict. */
    void reaccepting(long id, RepairResult result, long runId, Instant now) {
        jdbc.sql("UPDATE node_repairs SET status = 'REACCEPTING', result = ?, detail = ?, run_id = ?, ended_at = ? WHERE id = ?")
                .params(result.kind().name(), clip(result.detail(), 2000), runId, DbTime.toDb(now), id).update();
    }

    /** The re-acceptance ended: the detail says how; the action's result stays. */
    boolean concluded(long id, String detail) {
        return jdbc.sql("UPDATE node_repairs SET status = 'ENDED', detail = ? WHERE id = ? AND status = 'REACCEPTING'")
                .params(clip(detail, 2000), id).update() == 1;
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Repair row(ResultSet rs, int n) throws SQLException {
        String action = rs.getString("action");
        String result = rs.getString("result");
        return new Repair(rs.getLong("id"), rs.getLong("node_id"),
                new Condition(rs.getString("component"), rs.getString("code"), rs.getString("subject")),
                nullableLong(rs, "health_event_id"), actions(rs.getString("actions")), rs.getInt("escalate_after"),
                words(rs.getString("reacceptance_checks")), action == null ? null : RepairAction.valueOf(action),
                nullableLong(rs, "run_id"), rs.getString("actor"), rs.getString("reason"), nullableLong(rs, "policy_id"),
                (Integer) rs.getObject("policy_version", Integer.class), RepairStatus.valueOf(rs.getString("status")),
                result == null ? null : RepairResult.Kind.valueOf(result), rs.getString("detail"), DbTime.read(rs, "created_at"),
                DbTime.read(rs, "started_at"), DbTime.read(rs, "ended_at"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static List<RepairAction> actions(String text) {
        return words(text).stream().map(RepairAction::valueOf).toList();
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
    }
}
