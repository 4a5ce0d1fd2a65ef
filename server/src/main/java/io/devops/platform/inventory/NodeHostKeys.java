package io.devops.platform.inventory;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.IdList;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SSH host keys of nodes: recorded on the first successful contact (trust on first use), then
 * the only keys the engine's ssh accepts from the node. Forgetting them (an ADMIN accepting a
 * node's new key, {@link NodeService#forgetHostKey}) lets the next contact record again.
 */
@Service
@Transactional
public class NodeHostKeys {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    NodeHostKeys(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The recorded keys of these nodes, by node id; a node without any is absent. */
    @Transactional(readOnly = true)
    public Map<Long, List<HostKey>> of(Collection<Long> nodeIds) {
        Map<Long, List<HostKey>> keys = new LinkedHashMap<>();
        for (List<Long> chunk : Nodes.chunks(nodeIds.stream().distinct().toList())) {
            jdbc.sql("SELECT node_id, key_type, public_key, fingerprint, recorded_at FROM node_host_keys WHERE node_id IN ("
                            + IdList.literals(chunk) + ") ORDER BY node_id, key_type")
                    .query(rs -> {
                        keys.computeIfAbsent(rs.getLong("node_id"), id -> new ArrayList<>()).add(new HostKey(
                                rs.getString("key_type"), rs.getString("public_key"), rs.getString("fingerprint"),
                                DbTime.read(rs, "recorded_at")));
                    });
        }
        return keys;
    }

    /**
     * Records the keys a node showed on its first successful contact, unless keys are recorded for
     * it already (they win: only a forget makes room) or the node is gone.
     *
     * @return the keys recorded: none when keys were recorded already
     * @throws IllegalArgumentException when an offered key is not a valid key of its type
     */
    public List<HostKey> recordFirstContact(long nodeId, List<OfferedKey> offered) {
        if (offered.isEmpty() || !of(List.of(nodeId)).isEmpty()) {
            return List.of();
        }
        String ip = jdbc.sql("SELECT ip FROM nodes WHERE id = ?").param(nodeId).query(String.class).optional().orElse(null);
        if (ip == null) {
            return List.of();
        }
        Instant now = clock.instant();
        List<HostKey> recorded = offered.stream().distinct()
                .map(key -> new HostKey(key.type(), key.publicKey(), fingerprint(key), now)).toList();
        try {
            for (HostKey key : recorded) {
                jdbc.sql("INSERT INTO node_host_keys (node_id, key_type, public_key, fingerprint, recorded_at) VALUES (?, ?, ?, ?, ?)")
                        .params(nodeId, key.type(), key.publicKey(), key.fingerprint(), DbTime.toDb(now)).update();
            }
        } catch (DataIntegrityViolationException recordedMeanwhile) {
            return List.of(); // another contact recorded first, or the node was deleted: nothing to add
        }
        audit.record("node.host-key-recorded", "node", nodeId, "Recorded the SSH host key of node " + ip
                + " on first contact: " + describe(recorded), null, recorded);
        return recorded;
    }

    /** Deletes the node's keys; package-private: {@link NodeService#forgetHostKey} checks and audits it. */
    void forget(long nodeId) {
        jdbc.sql("DELETE FROM node_host_keys WHERE node_id = ?").param(nodeId).update();
    }

    /** As ssh names them: {@code ssh-ed25519 SHA256:...}. */
    public static String describe(List<HostKey> keys) {
        return keys.stream().map(key -> key.type() + " " + key.fingerprint()).collect(Collectors.joining(", "));
    }

    /**
     * As {@code ssh-keygen -l} prints it: "SHA256:" and the unpadded base64 SHA-256 of the key
     * blob. The blob must be a key of the type it is filed under (its first field names the type).
     */
    static String fingerprint(OfferedKey key) {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(key.publicKey());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 SSH public key: " + key.publicKey(), e);
        }
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        int length = blob.length >= 4 ? buffer.getInt() : -1;
        if (length < 0 || length > blob.length - 4
                || !new String(blob, 4, length, StandardCharsets.US_ASCII).equals(key.type())) {
            throw new IllegalArgumentException("the public key is not of type " + key.type());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A recorded key: type and base64 blob as in known_hosts, and its SHA-256 fingerprint. */
    public record HostKey(String type, String publicKey, String fingerprint, Instant recordedAt) {
    }

    /** A key a node showed, as ssh wrote it to known_hosts. */
    public record OfferedKey(String type, String publicKey) {
    }
}
