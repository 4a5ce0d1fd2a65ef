package io.devops.platform.agentgateway;

import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Enrolments that wait for an admin because the agent declared the address of a known node. A
 * status changes with a conditional update from the state {@link PendingStatus} allows, so that
 * two admins (or an admin and the agent) cannot both act on one entry.
 */
@Repository
class PendingEnrollments {

    private static final String SELECT = """
            SELECT id, status, declared_ip, node_id, enrollment_token_id, token_pool_id, hostname, agent_version,
                   facts, seen_from, address_differs, secret_hash, created_at, decided_at, decided_by,
                   decision_comment, claimed_at
            FROM agent_pending_enrollments""";
    private static final Map<String, String> SORTS = Map.of("id", "id", "at", "created_at", "declaredIp", "declared_ip");

    private final JdbcClient jdbc;

    PendingEnrollments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewPending pending) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO agent_pending_enrollments (status, declared_ip, node_id, enrollment_token_id, token_pool_id,
                    hostname, agent_version, facts, seen_from, address_differs, secret_hash, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(PendingStatus.PENDING.name(), pending.declaredIp(), pending.nodeId(), pending.tokenId(),
                        pending.tokenPoolId(), pending.hostname(), pending.agentVersion(), pending.factsJson(),
                        pending.seenFrom(), pending.addressDiffers(), pending.secretHash(), DbTime.toDb(pending.at()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<PendingRow> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(PendingEnrollments::row).optional();
    }

    PageResult<PendingRow> page(PendingStatus status, PageQuery query) {
        String where = status == null ? "" : " WHERE status = '" + status.name() + "'";
        long total = jdbc.sql("SELECT COUNT(*) FROM agent_pending_enrollments" + where).query(Long.class).single();
        List<PendingRow> rows = jdbc.sql(SELECT + where + query.orderBy(SORTS, "id") + query.limitOffset())
                .query(PendingEnrollments::row).list();
        return PageResult.of(rows, total, query);
    }

    /** An admin's decision; false when the entry is no longer in {@code from} (someone acted first). */
    boolean decide(long id, PendingStatus from, PendingStatus to, String by, String comment, Instant at) {
        PendingStatus.requireAllowed(from, to);
        return jdbc.sql("""
                UPDATE agent_pending_enrollments SET status = ?, decided_at = ?, decided_by = ?, decision_comment = ?
                WHERE id = ? AND status = ?""")
                .params(to.name(), DbTime.toDb(at), by, comment, id, from.name()).update() == 1;
    }

    /** The waiting agent picks up its credential, once. */
    boolean claim(long id, Instant at) {
        PendingStatus.requireAllowed(PendingStatus.APPROVED, PendingStatus.CLAIMED);
        return jdbc.sql("UPDATE agent_pending_enrollments SET status = ?, claimed_at = ? WHERE id = ? AND status = ?")
                .params(PendingStatus.CLAIMED.name(), DbTime.toDb(at), id, PendingStatus.APPROVED.name()).update() == 1;
    }

    private static PendingRow row(ResultSet rs, int row) throws SQLException {
        return new PendingRow(rs.getLong("id"), PendingStatus.valueOf(rs.getString("status")), rs.getString("declared_ip"),
                rs.getLong("node_id"), rs.getLong("enrollment_token_id"), rs.getObject("token_pool_id", Long.class),
                rs.getString("hostname"), rs.getString("agent_version"), rs.getString("facts"), rs.getString("seen_from"),
                rs.getBoolean("address_differs"), rs.getString("secret_hash"), DbTime.read(rs, "created_at"),
                DbTime.read(rs, "decided_at"), rs.getString("decided_by"), rs.getString("decision_comment"),
                DbTime.read(rs, "claimed_at"));
    }

    record NewPending(String declaredIp, long nodeId, long tokenId, Long tokenPoolId, String hostname,
                      String agentVersion, String factsJson, String seenFrom, boolean addressDiffers, String secretHash,
                      Instant at) {
    }

    record PendingRow(long id, PendingStatus status, String declaredIp, long nodeId, long tokenId, Long tokenPoolId,
                      String hostname, String agentVersion, String factsJson, String seenFrom, boolean addressDiffers,
                      String secretHash, Instant at, Instant decidedAt, String decidedBy, String comment,
                      Instant claimedAt) {
    }
}
