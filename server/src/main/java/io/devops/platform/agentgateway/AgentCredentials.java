package io.devops.platform.agentgateway;

import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.IdList;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agent credentials, stored as hashes; at most one live credential per node. */
@Repository
class AgentCredentials {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    AgentCredentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long nodeId, String hash, String prefix, long enrollmentTokenId, String agentVersion, Instant at) {
        jdbc.sql("""
                INSERT INTO agent_credentials (node_id, credential_hash, credential_prefix, enrollment_token_id,
                    agent_version, created_at) VALUES (?, ?, ?, ?, ?, ?)""")
                .params(nodeId, hash, prefix, enrollmentTokenId, agentVersion, DbTime.toDb(at)).update();
    }

    /**
     * The node behind a live credential. Joined with the inventory's nodes so that the credential
     * of a deleted node stops working at once.
     */
    Optional<AgentNode> live(String hash) {
        return jdbc.sql("""
                SELECT c.id, c.node_id, n.ip FROM agent_credentials c JOIN nodes n ON n.id = c.node_id
                WHERE c.credential_hash = ? AND c.revoked_at IS NULL""")
                .param(hash)
                .query((rs, row) -> new AgentNode(rs.getLong("node_id"), rs.getLong("id"), rs.getString("ip")))
                .optional();
    }

    /** Which of these credentials are still live: checked once per delivery batch. */
    Set<Long> stillLive(Collection<Long> credentialIds) {
        if (credentialIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT id FROM agent_credentials WHERE id IN (" + IdList.literals(credentialIds)
                + ") AND revoked_at IS NULL").query(Long.class).list());
    }

    int revokeAllOf(long nodeId, Instant at, String by) {
        return jdbc.sql("UPDATE agent_credentials SET revoked_at = ?, revoked_by = ? WHERE node_id = ? AND revoked_at IS NULL")
                .params(DbTime.toDb(at), by, nodeId).update();
    }

    /**
     * Which of these nodes have no live credential because it was revoked (a node whose agent
     * enrolled again has a live one; a node that never had an agent is not listed), with the
     * latest revocation's reason.
     */
    Map<Long, String> revokedAmong(Collection<Long> nodeIds) {
        Map<Long, String> reasons = new HashMap<>();
        List<Long> ids = List.copyOf(new HashSet<>(nodeIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("""
                    SELECT c.node_id, c.revoked_at, c.revoked_by FROM agent_credentials c
                    WHERE c.node_id IN (%s) AND c.revoked_at IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM agent_credentials l WHERE l.node_id = c.node_id AND l.revoked_at IS NULL)
                    ORDER BY c.id""".formatted(IdList.literals(ids.subList(from, Math.min(ids.size(), from + CHUNK)))))
                    .query(rs -> {
                        // Ordered by id: the latest revocation of a node is the one kept.
                        reasons.put(rs.getLong("node_id"), AgentRevocation.reason(DbTime.read(rs, "revoked_at"),
                                rs.getString("revoked_by")));
                    });
        }
        return reasons;
    }

    Optional<CredentialView> latestOf(long nodeId) {
        List<CredentialView> all = jdbc.sql("""
                SELECT id, credential_prefix, enrollment_token_id, agent_version, created_at, revoked_at, revoked_by
                FROM agent_credentials WHERE node_id = ? ORDER BY id DESC LIMIT 1""")
                .param(nodeId).query(AgentCredentials::view).list();
        return all.stream().findFirst();
    }

    private static CredentialView view(ResultSet rs, int row) throws SQLException {
        return new CredentialView(rs.getLong("id"), rs.getString("credential_prefix"), rs.getLong("enrollment_token_id"),
                rs.getString("agent_version"), DbTime.read(rs, "created_at"), DbTime.read(rs, "revoked_at"),
                rs.getString("revoked_by"));
    }

    /** What the API shows of a node's credential: never the credential or its hash. */
    record CredentialView(long id, String prefix, long enrollmentTokenId, String agentVersion, Instant enrolledAt,
                          Instant revokedAt, String revokedBy) {
    }
}
