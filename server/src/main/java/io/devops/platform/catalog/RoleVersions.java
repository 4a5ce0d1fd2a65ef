package io.devops.platform.catalog;

import io.devops.platform.shared.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The role_versions, role_contents, role_content_files and role_blobs tables: each body stored
 * once by its hash, each content once by its hash, and rows never changed after they are written.
 */
@Repository
class RoleVersions {

    private static final String SELECT = """
            SELECT v.*, c.file_count, c.total_bytes FROM role_versions v JOIN role_contents c ON c.hash = v.content_hash""";

    private final JdbcClient jdbc;

    RoleVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RoleVersion> head(long roleId) {
        return jdbc.sql(SELECT + " WHERE v.role_id = ? ORDER BY v.version DESC LIMIT 1").param(roleId)
                .query(RoleVersions::row).optional();
    }

    Optional<RoleVersion> byNumber(long roleId, int version) {
        return jdbc.sql(SELECT + " WHERE v.role_id = ? AND v.version = ?").params(roleId, version)
                .query(RoleVersions::row).optional();
    }

    /** Newest first. */
    List<RoleVersion> ofRole(long roleId) {
        return jdbc.sql(SELECT + " WHERE v.role_id = ? ORDER BY v.version DESC").param(roleId)
                .query(RoleVersions::row).list();
    }

    /**
     * Appends a version with {@code content}; the role's row must be locked by the caller. Operators
     * made while the role had no files yet pin this, its first version.
     */
    RoleVersion add(long roleId, RoleContent content, String source, Instant at, String by) {
        String hash = store(content, at);
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM role_versions WHERE role_id = ?").param(roleId)
                .query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO role_versions (role_id, version, content_hash, source, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(roleId, next, hash, source, DbTime.toDb(at), by).update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("UPDATE operators SET role_version_id = ? WHERE role_id = ? AND role_version_id IS NULL")
                .params(id, roleId).update();
        return byNumber(roleId, next).orElseThrow();
    }

    /** The role files an operator version runs: its role's name and the hash of the version it pinned. */
    record Pin(String roleName, String hash) {
    }

    Optional<Pin> pinnedBy(long operatorId) {
        return jdbc.sql("""
                SELECT r.name, v.content_hash FROM operators o JOIN roles r ON r.id = o.role_id
                JOIN role_versions v ON v.id = o.role_version_id WHERE o.id = ?""").param(operatorId)
                .query((rs, n) -> new Pin(rs.getString("name"), rs.getString("content_hash"))).optional();
    }

    /** Roles, deleted or not, that have no files stored yet. */
    List<Long> rolesWithoutFiles() {
        return jdbc.sql("SELECT r.id FROM roles r WHERE NOT EXISTS (SELECT 1 FROM role_versions v WHERE v.role_id = r.id)"
                + " ORDER BY r.id").query(Long.class).list();
    }

    /** The files of a stored content, or empty when no content has that hash. */
    Optional<RoleContent> content(String hash) {
        if (jdbc.sql("SELECT COUNT(*) FROM role_contents WHERE hash = ?").param(hash).query(Long.class).single() == 0) {
            return Optional.empty();
        }
        List<RoleContent.Entry> entries = jdbc.sql("""
                SELECT f.path, f.kind, f.link_target, b.content FROM role_content_files f
                LEFT JOIN role_blobs b ON b.hash = f.blob_hash WHERE f.content_hash = ?""")
                .param(hash)
                .query((rs, n) -> RoleContent.Kind.valueOf(rs.getString("kind")) == RoleContent.Kind.LINK
                        ? RoleContent.Entry.link(rs.getString("path"), rs.getString("link_target"))
                        : RoleContent.Entry.file(rs.getString("path"), rs.getBytes("content")))
                .list();
        return Optional.of(new RoleContent(entries));
    }

    private String store(RoleContent content, Instant at) {
        String hash = content.hash();
        if (jdbc.sql("SELECT COUNT(*) FROM role_contents WHERE hash = ?").param(hash).query(Long.class).single() > 0) {
            return hash;
        }
        for (RoleContent.Entry entry : content.entries()) {
            if (entry.kind() == RoleContent.Kind.FILE) {
                storeBlob(entry.bodyHash(), entry.body());
            }
        }
        try {
            jdbc.sql("INSERT INTO role_contents (hash, file_count, total_bytes, created_at) VALUES (?, ?, ?, ?)")
                    .params(hash, content.entries().size(), content.totalBytes(), DbTime.toDb(at)).update();
        } catch (DuplicateKeyException e) {
            return hash; // another instance stored the same files at the same moment: same hash, same files
        }
        for (RoleContent.Entry entry : content.entries()) {
            jdbc.sql("INSERT INTO role_content_files (content_hash, path, kind, blob_hash, link_target) VALUES (?, ?, ?, ?, ?)")
                    .params(hash, entry.path(), entry.kind().name(), entry.bodyHash(), entry.linkTarget()).update();
        }
        return hash;
    }

    private void storeBlob(String hash, byte[] body) {
        if (jdbc.sql("SELECT COUNT(*) FROM role_blobs WHERE hash = ?").param(hash).query(Long.class).single() > 0) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO role_blobs (hash, size, content) VALUES (?, ?, ?)").params(hash, body.length, body).update();
        } catch (DuplicateKeyException e) {
            // stored by another upload at the same moment: the same bytes
        }
    }

    private static RoleVersion row(ResultSet rs, int n) throws SQLException {
        return new RoleVersion(rs.getLong("id"), rs.getLong("role_id"), rs.getInt("version"), rs.getString("content_hash"),
                rs.getString("source"), rs.getInt("file_count"), rs.getLong("total_bytes"), DbTime.read(rs, "created_at"),
                rs.getString("created_by"));
    }
}
