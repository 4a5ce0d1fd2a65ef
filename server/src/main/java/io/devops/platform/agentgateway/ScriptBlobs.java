package io.devops.platform.agentgateway;

import io.devops.platform.shared.DbTime;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Scripts by SHA-256 of their bytes: stored once, however many commands run them. */
@Repository
class ScriptBlobs {

    private final JdbcClient jdbc;

    ScriptBlobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String store(byte[] content, Instant at) {
        String sha = Secrets.sha256(content);
        if (exists(sha)) {
            return sha;
        }
        try {
            jdbc.sql("INSERT INTO agent_script_blobs (sha256, content, size_bytes, created_at) VALUES (?, ?, ?, ?)")
                    .params(sha, content, content.length, DbTime.toDb(at)).update();
        } catch (DuplicateKeyException raceWithAnotherInstance) {
            // The same bytes were stored meanwhile: the hash names them either way.
        }
        return sha;
    }

    boolean exists(String sha) {
        return jdbc.sql("SELECT COUNT(*) FROM agent_script_blobs WHERE sha256 = ?").param(sha).query(Long.class).single() > 0;
    }

    Optional<byte[]> content(String sha) {
        return jdbc.sql("SELECT content FROM agent_script_blobs WHERE sha256 = ?").param(sha)
                .query((rs, row) -> rs.getBytes("content")).optional();
    }

    /** Small scripts travel inside the poll answer; this loads those of one delivery batch at once. */
    Map<String, byte[]> smallOnes(Collection<String> shas, int maxBytes) {
        Map<String, byte[]> found = new HashMap<>();
        if (shas.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT sha256, content FROM agent_script_blobs WHERE sha256 IN (:shas) AND size_bytes <= :max")
                .param("shas", shas).param("max", maxBytes)
                .query(rs -> {
                    found.put(rs.getString("sha256"), rs.getBytes("content"));
                });
        return found;
    }
}
