package io.devops.platform.agentgateway;

import io.devops.platform.shared.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Enrolment tokens, stored as hashes; a use is claimed with a conditional update. */
@Repository
class EnrollmentTokens {

    private static final String SELECT = """
            SELECT id, token_prefix, description, node_pool_id, node_id, max_uses, uses, expires_at, last_used_at,
                   revoked_at, revoked_by, created_at, created_by FROM agent_enrollment_tokens""";

    private final JdbcClient jdbc;

    EnrollmentTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String hash, String prefix, String description, Long nodePoolId, Long nodeId, int maxUses,
                Instant expiresAt, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO agent_enrollment_tokens (token_hash, token_prefix, description, node_pool_id, node_id,
                    max_uses, expires_at, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(hash, prefix, description, nodePoolId, nodeId, maxUses, DbTime.toDb(expiresAt), DbTime.toDb(at), by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<EnrollmentTokenView> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(EnrollmentTokens::view).optional();
    }

    Optional<EnrollmentTokenView> byHash(String hash) {
        return jdbc.sql(SELECT + " WHERE token_hash = ?").param(hash).query(EnrollmentTokens::view).optional();
    }

    List<EnrollmentTokenView> list(boolean includeInactive, Instant now) {
        String where = includeInactive ? "" : " WHERE revoked_at IS NULL AND expires_at > ? AND uses < max_uses";
        var spec = jdbc.sql(SELECT + where + " ORDER BY id DESC LIMIT 500");
        return (includeInactive ? spec : spec.param(DbTime.toDb(now))).query(EnrollmentTokens::view).list();
    }

    /** Takes one use if the token is still live; false when another enrolment took the last one. */
    boolean use(long id, Instant now) {
        return jdbc.sql("""
                UPDATE agent_enrollment_tokens SET uses = uses + 1, last_used_at = ?
                WHERE id = ? AND revoked_at IS NULL AND expires_at > ? AND uses < max_uses""")
                .params(DbTime.toDb(now), id, DbTime.toDb(now)).update() == 1;
    }

    boolean revoke(long id, Instant at, String by) {
        return jdbc.sql("UPDATE agent_enrollment_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(DbTime.toDb(at), by, id).update() == 1;
    }

    private static EnrollmentTokenView view(ResultSet rs, int row) throws SQLException {
        return new EnrollmentTokenView(rs.getLong("id"), rs.getString("token_prefix"), rs.getString("description"),
                rs.getObject("node_pool_id", Long.class), rs.getObject("node_id", Long.class), rs.getInt("max_uses"), rs.getInt("uses"), DbTime.read(rs, "expires_at"),
                DbTime.read(rs, "last_used_at"), DbTime.read(rs, "revoked_at"), rs.getString("revoked_by"),
                DbTime.read(rs, "created_at"), rs.getString("created_by"));
    }

    /**
     * What the API shows of a token: never the token or its hash. {@code nodeId}: the one node the
     * token re-enrols (a reinstalled host); null for a token that enrols new addresses only.
     */
    record EnrollmentTokenView(long id, String prefix, String description, Long nodePoolId, Long nodeId, int maxUses, int uses,
                               Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String revokedBy,
                               Instant createdAt, String createdBy) {

        /** Why the token can no longer enrol an agent, or null while it can. */
        String refusal(Instant now) {
            if (revokedAt != null) {
                return "was revoked at " + revokedAt;
            }
            if (!expiresAt.isAfter(now)) {
                return "expired at " + expiresAt;
            }
            if (uses >= maxUses) {
                return "has been used up (" + uses + " of " + maxUses + " uses)";
            }
            return null;
        }
    }
}
