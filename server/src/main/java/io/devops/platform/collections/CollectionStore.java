package io.devops.platform.collections;

import io.devops.platform.shared.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The ansible_collections table: one row per namespace, name and version, never changed once written. */
@Repository
class CollectionStore {

    private static final String COLUMNS = "id, namespace, name, version, sha256, size, created_at, created_by";

    private final JdbcClient jdbc;

    CollectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AnsibleCollection> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ansible_collections ORDER BY namespace, name, id DESC")
                .query(CollectionStore::row).list();
    }

    Optional<AnsibleCollection> find(String namespace, String name, String version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ansible_collections WHERE namespace = ? AND name = ? AND version = ?")
                .params(namespace, name, version).query(CollectionStore::row).optional();
    }

    Optional<AnsibleCollection> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ansible_collections WHERE id = ?").param(id)
                .query(CollectionStore::row).optional();
    }

    List<AnsibleCollection> versionsOf(String namespace, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ansible_collections WHERE namespace = ? AND name = ?")
                .params(namespace, name).query(CollectionStore::row).list();
    }

    Optional<byte[]> artifact(String sha256) {
        return jdbc.sql("SELECT artifact FROM ansible_collections WHERE sha256 = ?").param(sha256)
                .query((rs, i) -> rs.getBytes(1)).stream().findFirst();
    }

    long add(CollectionArtifact.Identity identity, String sha256, byte[] artifact, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ansible_collections (namespace, name, version, sha256, size, artifact, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(identity.namespace(), identity.name(), identity.version(), sha256, artifact.length, artifact,
                        DbTime.toDb(at), by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static AnsibleCollection row(ResultSet rs, int i) throws SQLException {
        return new AnsibleCollection(rs.getLong("id"), rs.getString("namespace"), rs.getString("name"),
                rs.getString("version"), rs.getString("sha256"), rs.getLong("size"), DbTime.read(rs, "created_at"),
                rs.getString("created_by"));
    }
}
