package io.devops.platform.credentials;

import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.Like;
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
 * The credentials table. Usage counts read inventory's {@code node_pools} and {@code nodes} and the
 * BMC module's {@code node_bmcs} directly (read-only): the foreign keys from those columns make the database the final judge anyway.
 */
@Repository
class Credentials {

    private static final Map<String, String> SORTABLE = Map.of("id", "c.id", "name", "c.name", "createdAt", "c.created_at");
    private static final String SELECT_VIEW = """
            SELECT c.id, c.name, c.description, c.kind, c.ssh_user, c.username, c.password IS NOT NULL AS has_password, c.key_type, c.key_encrypted, c.fingerprint,
                   c.fingerprint_source, c.passphrase IS NOT NULL AS has_passphrase,
                   c.become_password IS NOT NULL AS has_become_password,
                   (SELECT COUNT(*) FROM node_pools p WHERE p.credential_id = c.id) AS pool_count,
                   (SELECT COUNT(*) FROM nodes n WHERE n.credential_id = c.id) AS node_count,
                   (SELECT COUNT(*) FROM node_bmcs b WHERE b.credential_id = c.id) AS bmc_count,
                   c.created_at, c.created_by, c.updated_at, c.updated_by
            FROM credentials c""";
    private static final String SELECT_SEALED =
            "SELECT id, name, ssh_user, private_key, passphrase, become_password FROM credentials";
    private static final String SELECT_PASSWORD = "SELECT id, name, kind, username, password FROM credentials";

    private final JdbcClient jdbc;

    Credentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CredentialView> view(long id) {
        return jdbc.sql(SELECT_VIEW + " WHERE c.id = ?").param(id).query(Credentials::mapView).optional();
    }

    PageResult<CredentialView> page(String nameContains, PageQuery query) {
        boolean filtered = nameContains != null && !nameContains.isBlank();
        String where = filtered ? " WHERE c.name LIKE ?" : "";
        List<Object> params = filtered ? List.of(Like.contains(nameContains)) : List.of();
        long total = jdbc.sql("SELECT COUNT(*) FROM credentials c" + where).params(params).query(Long.class).single();
        List<CredentialView> items = jdbc.sql(SELECT_VIEW + where + query.orderBy(SORTABLE, "c.id") + query.limitOffset())
                .params(params).query(Credentials::mapView).list();
        return PageResult.of(items, total, query);
    }

    Optional<SealedCredential> sealed(long id) {
        return jdbc.sql(SELECT_SEALED + " WHERE id = ?").param(id).query(Credentials::mapSealed).optional();
    }

    Optional<SealedCredential> sealedByName(String name) {
        return jdbc.sql(SELECT_SEALED + " WHERE name = ?").param(name).query(Credentials::mapSealed).optional();
    }

    Optional<SealedPassword> sealedPassword(long id) {
        return jdbc.sql(SELECT_PASSWORD + " WHERE id = ?").param(id).query((rs, row) -> new SealedPassword(rs.getLong("id"),
                rs.getString("name"), CredentialKind.valueOf(rs.getString("kind")), rs.getString("username"),
                rs.getString("password"))).optional();
    }

    long insertPassword(String name, String description, String username, String sealedPassword, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO credentials (name, description, kind, username, password, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(name, description, CredentialKind.PASSWORD.name(), username, sealedPassword, DbTime.toDb(at), by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void updatePasswordLogin(long id, String name, String description, String username, Instant at, String by) {
        jdbc.sql("UPDATE credentials SET name = ?, description = ?, username = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(name, description, username, DbTime.toDb(at), by, id).update();
    }

    void replacePassword(long id, String sealed) {
        jdbc.sql("UPDATE credentials SET password = ? WHERE id = ?").params(sealed, id).update();
    }

    long bmcsUsing(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM node_bmcs WHERE credential_id = ?").param(id).query(Long.class).single();
    }

    boolean sshKeyExists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM credentials WHERE id = ? AND kind = ?").params(id, CredentialKind.SSH_KEY.name())
                .query(Long.class).single() > 0;
    }

    boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM credentials WHERE name = ? AND id <> ?").params(name, exceptId)
                .query(Long.class).single() > 0;
    }

    List<String> poolsUsing(long id) {
        return jdbc.sql("SELECT name FROM node_pools WHERE credential_id = ? ORDER BY name").param(id)
                .query(String.class).list();
    }

    long nodesUsing(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM nodes WHERE credential_id = ?").param(id).query(Long.class).single();
    }

    long insert(String name, String description, String sshUser, PrivateKeyText key, String sealedKey,
                String sealedPassphrase, String sealedBecomePassword, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO credentials (name, description, ssh_user, private_key, passphrase, become_password,
                                         key_type, key_encrypted, fingerprint, fingerprint_source, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(name, description, sshUser, sealedKey, sealedPassphrase, sealedBecomePassword,
                        key.fingerprint().keyType(), key.encrypted(), key.fingerprint().value(),
                        key.fingerprint().source().name(), DbTime.toDb(at), by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, String name, String description, String sshUser, Instant at, String by) {
        jdbc.sql("UPDATE credentials SET name = ?, description = ?, ssh_user = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(name, description, sshUser, DbTime.toDb(at), by, id).update();
    }

    void replaceKey(long id, PrivateKeyText key, String sealedKey) {
        jdbc.sql("""
                UPDATE credentials SET private_key = ?, key_type = ?, key_encrypted = ?, fingerprint = ?, fingerprint_source = ?
                WHERE id = ?""")
                .params(sealedKey, key.fingerprint().keyType(), key.encrypted(), key.fingerprint().value(),
                        key.fingerprint().source().name(), id)
                .update();
    }

    void replacePassphrase(long id, String sealedOrNull) {
        jdbc.sql("UPDATE credentials SET passphrase = ? WHERE id = ?").params(sealedOrNull, id).update();
    }

    void replaceBecomePassword(long id, String sealedOrNull) {
        jdbc.sql("UPDATE credentials SET become_password = ? WHERE id = ?").params(sealedOrNull, id).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM credentials WHERE id = ?").param(id).update();
    }

    private static CredentialView mapView(ResultSet rs, int row) throws SQLException {
        String source = rs.getString("fingerprint_source");
        return new CredentialView(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                CredentialKind.valueOf(rs.getString("kind")),
                rs.getString("ssh_user"), rs.getString("key_type"), rs.getBoolean("key_encrypted"),
                rs.getString("fingerprint"), source == null ? null : KeyFingerprint.Source.valueOf(source),
                rs.getBoolean("has_passphrase"), rs.getBoolean("has_become_password"),
                rs.getString("username"), rs.getBoolean("has_password"),
                rs.getLong("pool_count"), rs.getLong("node_count"), rs.getLong("bmc_count"),
                DbTime.read(rs, "created_at"), rs.getString("created_by"),
                DbTime.read(rs, "updated_at"), rs.getString("updated_by"));
    }

    private static SealedCredential mapSealed(ResultSet rs, int row) throws SQLException {
        return new SealedCredential(rs.getLong("id"), rs.getString("name"), rs.getString("ssh_user"),
                rs.getString("private_key"), rs.getString("passphrase"), rs.getString("become_password"));
    }
}
