package io.devops.platform.certificates;

import io.devops.platform.shared.DbTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The frozen certificates (V39): inserted once at delivery, never updated; a node's latest is its current one. */
@Repository
class Certificates {

    private final JdbcClient jdbc;

    Certificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A frozen certificate: {@code body} is the signed JSON, {@code signature} its base64 Ed25519 signature. */
    record Frozen(long id, long nodeId, long tenantId, Instant deliveredAt, String body, String signature, String keyFingerprint) {
    }

    void insert(long nodeId, long tenantId, Instant deliveredAt, String body, String signature, String keyFingerprint) {
        jdbc.sql("""
                INSERT INTO node_certificates (node_id, tenant_id, delivered_at, body, signature, public_key_sha256)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(nodeId, tenantId, DbTime.toDb(deliveredAt), body, signature, keyFingerprint).update();
    }

    Optional<Frozen> latestOf(long nodeId) {
        return jdbc.sql("SELECT * FROM node_certificates WHERE node_id = ? ORDER BY id DESC LIMIT 1").param(nodeId)
                .query((rs, row) -> new Frozen(rs.getLong("id"), rs.getLong("node_id"), rs.getLong("tenant_id"),
                        DbTime.read(rs, "delivered_at"), rs.getString("body"), rs.getString("signature"),
                        rs.getString("public_key_sha256")))
                .optional();
    }
}
