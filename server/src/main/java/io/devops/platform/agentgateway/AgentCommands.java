package io.devops.platform.agentgateway;

import io.devops.platform.shared.Like;
import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.IdList;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Commands and their state. Every change is a conditional UPDATE on the allowed predecessor
 * states, so that two instances (or an agent and a timeout sweep) can never both decide.
 */
@Repository
class AgentCommands {

    private static final String SELECT_STATE = """
            SELECT id, node_id, status, script_sha256, timeout_seconds, created_at, created_by, delivered_at, finished_at,
                   exit_code, duration_ms, message, cancel_requested_by FROM agent_commands""";
    private static final String SELECT_DELIVERY = """
            SELECT id, node_id, status, script_sha256, args, env, workdir, timeout_seconds, run_as FROM agent_commands""";

    private final JdbcClient jdbc;

    AgentCommands(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long nodeId, String sha, String argsJson, String envJson, String workdir, int timeoutSeconds,
                String runAs, Instant deadline, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO agent_commands (node_id, status, script_sha256, args, env, workdir, timeout_seconds, run_as,
                    deadline_at, created_at, created_by) VALUES (?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(nodeId, sha, argsJson, envJson, workdir, timeoutSeconds, runAs, DbTime.toDb(deadline),
                        DbTime.toDb(at), by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * The open commands whose env JSON holds {@code entryJson} (a one-entry object as Jackson writes
     * it, the same way as the stored env): no index, but only open commands are looked at, and this
     * runs only when an instance restarts after a crash.
     */
    List<Long> openWithEnvironmentEntry(String entryJson) {
        String entry = entryJson.substring(1, entryJson.length() - 1);
        return jdbc.sql("SELECT id FROM agent_commands WHERE status IN ('QUEUED', 'DELIVERED', 'CANCEL_REQUESTED', 'CANCELLING')"
                        + " AND env LIKE ? ORDER BY id")
                .param(Like.contains(entry)).query(Long.class).list();
    }

    Optional<CommandState> state(long id) {
        return jdbc.sql(SELECT_STATE + " WHERE id = ?").param(id).query(AgentCommands::state).optional();
    }

    /**
     * The states of the commands with ids from {@code first} to {@code last}, ordered by id. A range
     * rather than a list of ids: H2 checks each row against a parameter list one element at a
     * time, which made following 5,000 commands quadratic.
     */
    List<CommandState> statesBetween(long first, long last) {
        return jdbc.sql(SELECT_STATE + " WHERE id BETWEEN ? AND ? ORDER BY id").params(first, last)
                .query(AgentCommands::state).list();
    }

    List<CommandState> recentOfNode(long nodeId, int limit) {
        return jdbc.sql(SELECT_STATE + " WHERE node_id = ? ORDER BY id DESC LIMIT " + limit)
                .param(nodeId).query(AgentCommands::state).list();
    }

    /** Commands waiting for their agent to be told something: a new command, or a cancel; oldest first. */
    List<Pending> pending(int limit) {
        return jdbc.sql("SELECT id, node_id, status FROM agent_commands WHERE status IN ('QUEUED', 'CANCEL_REQUESTED') ORDER BY id LIMIT "
                        + limit)
                .query(AgentCommands::pendingRow).list();
    }

    /** The node's commands that have not ended: one query serves a whole poll (reconcile, then deliver). */
    List<Pending> openOf(long nodeId) {
        return jdbc.sql("""
                SELECT id, node_id, status FROM agent_commands
                WHERE node_id = ? AND status IN ('QUEUED', 'DELIVERED', 'CANCEL_REQUESTED', 'CANCELLING') ORDER BY id""")
                .param(nodeId).query(AgentCommands::pendingRow).list();
    }

    /**
     * Claims queued commands for delivery under {@code claim}: only those still QUEUED are taken,
     * and their deadline becomes delivery time + timeout + grace.
     */
    List<Delivery> claimDeliveries(Collection<Long> ids, String claim, Instant now, int graceSeconds) {
        jdbc.sql("""
                UPDATE agent_commands SET status = 'DELIVERED', delivered_at = :now, delivery_id = :claim,
                    deadline_at = TIMESTAMPADD(SECOND, timeout_seconds + %d, CAST(:now AS DATETIME(6)))
                WHERE id IN (%s) AND status = 'QUEUED'""".formatted(graceSeconds, IdList.literals(ids)))
                .param("now", DbTime.toDb(now)).param("claim", claim)
                .update();
        return jdbc.sql(SELECT_DELIVERY + " WHERE delivery_id = ? AND status = 'DELIVERED'").param(claim)
                .query(AgentCommands::delivery).list();
    }

    /** Claims requested cancellations for telling the agent: CANCEL_REQUESTED becomes CANCELLING. */
    List<Pending> claimCancels(Collection<Long> ids, String claim) {
        jdbc.sql("UPDATE agent_commands SET status = 'CANCELLING', delivery_id = ? WHERE id IN (" + IdList.literals(ids)
                + ") AND status = 'CANCEL_REQUESTED'").param(claim).update();
        return jdbc.sql("SELECT id, node_id, status FROM agent_commands WHERE delivery_id = ? AND status = 'CANCELLING'")
                .param(claim).query(AgentCommands::pendingRow).list();
    }

    boolean requestCancel(long id, Instant at, String by) {
        return jdbc.sql("""
                UPDATE agent_commands SET status = 'CANCEL_REQUESTED', cancel_requested_at = ?, cancel_requested_by = ?
                WHERE id = ? AND status = 'DELIVERED'""")
                .params(DbTime.toDb(at), by, id).update() == 1;
    }

    /** Moves a command to a final state if it may still get there; false when someone else decided first. */
    boolean finish(long id, CommandStatus to, Outcome outcome, Instant at) {
        return jdbc.sql("""
                UPDATE agent_commands SET status = :to, finished_at = :at, exit_code = :exit, duration_ms = :duration,
                    output_chunks = :chunks, message = :message,
                    cancel_requested_by = COALESCE(cancel_requested_by, :cancelledBy)
                WHERE id = :id AND status IN (:from)""")
                .param("to", to.name()).param("at", DbTime.toDb(at)).param("exit", outcome.exitCode())
                .param("duration", outcome.durationMs()).param("chunks", outcome.chunks())
                .param("message", truncate(outcome.message())).param("cancelledBy", outcome.cancelledBy())
                .param("id", id).param("from", CommandStatus.predecessorsOf(to).stream().map(Enum::name).toList())
                .update() == 1;
    }


    List<Long> unfinishedOf(long nodeId) {
        return jdbc.sql("SELECT id FROM agent_commands WHERE node_id = ? AND status IN ('QUEUED', 'DELIVERED', 'CANCEL_REQUESTED', 'CANCELLING')")
                .param(nodeId).query(Long.class).list();
    }

    /** Unfinished commands whose deadline has passed. */
    List<Pending> pastDeadline(Instant now) {
        return jdbc.sql("""
                SELECT id, node_id, status FROM agent_commands
                WHERE status IN ('QUEUED', 'DELIVERED', 'CANCEL_REQUESTED', 'CANCELLING') AND deadline_at < ?""")
                .param(DbTime.toDb(now)).query(AgentCommands::pendingRow).list();
    }

    /**
     * Unfinished commands whose agent has not been heard from since {@code since}, or whose node
     * was deleted ({@link Silent#nodeGone()}). Reads the inventory's last-seen time, the one place
     * presence is kept.
     */
    List<Silent> onSilentNodes(Instant since) {
        return jdbc.sql("""
                SELECT c.id, c.node_id, n.id AS known_node_id, n.last_seen_at FROM agent_commands c
                LEFT JOIN nodes n ON n.id = c.node_id
                WHERE c.status IN ('QUEUED', 'DELIVERED', 'CANCEL_REQUESTED', 'CANCELLING')
                  AND (n.last_seen_at IS NULL OR n.last_seen_at < ?)""")
                .param(DbTime.toDb(since))
                .query((rs, row) -> new Silent(rs.getLong("id"), rs.getLong("node_id"), DbTime.read(rs, "last_seen_at"),
                        rs.getObject("known_node_id") == null))
                .list();
    }

    /**
     * Unfinished commands of nodes whose agent was revoked and has not enrolled again: those a
     * revocation could not end because they were queued in the same instant.
     */
    List<Pending> onRevokedAgents() {
        return jdbc.sql("""
                SELECT c.id, c.node_id, c.status FROM agent_commands c
                WHERE c.status IN ('QUEUED', 'DELIVERED', 'CANCEL_REQUESTED', 'CANCELLING')
                  AND EXISTS (SELECT 1 FROM agent_credentials r WHERE r.node_id = c.node_id AND r.revoked_at IS NOT NULL)
                  AND NOT EXISTS (SELECT 1 FROM agent_credentials l WHERE l.node_id = c.node_id AND l.revoked_at IS NULL)""")
                .query(AgentCommands::pendingRow).list();
    }

    /** Commands whose cancel was requested before {@code before} and that their agent has not confirmed. */
    List<Unconfirmed> cancelUnconfirmedSince(Instant before) {
        return jdbc.sql("""
                SELECT id, node_id, cancel_requested_at, cancel_requested_by FROM agent_commands
                WHERE status IN ('CANCEL_REQUESTED', 'CANCELLING') AND cancel_requested_at < ?""")
                .param(DbTime.toDb(before))
                .query((rs, row) -> new Unconfirmed(rs.getLong("id"), rs.getLong("node_id"),
                        DbTime.read(rs, "cancel_requested_at"), rs.getString("cancel_requested_by")))
                .list();
    }

    boolean nodeRuns(long nodeId, String sha) {
        return jdbc.sql("SELECT COUNT(*) FROM agent_commands WHERE node_id = ? AND script_sha256 = ?")
                .params(nodeId, sha).query(Long.class).single() > 0;
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 1000 ? message : message.substring(0, 999) + "…";
    }

    private static CommandState state(ResultSet rs, int row) throws SQLException {
        int exit = rs.getInt("exit_code");
        Integer exitCode = rs.wasNull() ? null : exit;
        long duration = rs.getLong("duration_ms");
        Long durationMs = rs.wasNull() ? null : duration;
        return new CommandState(new CommandId(rs.getLong("id")), rs.getLong("node_id"),
                CommandStatus.valueOf(rs.getString("status")), rs.getString("script_sha256"), rs.getInt("timeout_seconds"),
                DbTime.read(rs, "created_at"), rs.getString("created_by"), DbTime.read(rs, "delivered_at"),
                DbTime.read(rs, "finished_at"), exitCode, durationMs, rs.getString("message"),
                rs.getString("cancel_requested_by"));
    }

    private static Pending pendingRow(ResultSet rs, int row) throws SQLException {
        return new Pending(rs.getLong("id"), rs.getLong("node_id"), CommandStatus.valueOf(rs.getString("status")));
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("node_id"), rs.getString("script_sha256"), rs.getString("args"),
                rs.getString("env"), rs.getString("workdir"), rs.getInt("timeout_seconds"), rs.getString("run_as"));
    }

    record Pending(long id, long nodeId, CommandStatus status) {
    }

    /** A command as it is handed to its agent; args and env are JSON. */
    record Delivery(long id, long nodeId, String scriptSha256, String argsJson, String envJson, String workdir,
                    int timeoutSeconds, String runAs) {
    }

    record Silent(long id, long nodeId, Instant lastSeenAt, boolean nodeGone) {
    }

    record Unconfirmed(long id, long nodeId, Instant requestedAt, String requestedBy) {
    }

    /** How a command ended: what the agent reported, or why the server gave up. */
    record Outcome(Integer exitCode, Long durationMs, Integer chunks, String message, String cancelledBy) {

        static Outcome because(String message) {
            return new Outcome(null, null, null, message, null);
        }
    }
}
