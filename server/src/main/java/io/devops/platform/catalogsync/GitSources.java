package io.devops.platform.catalogsync;

import io.devops.platform.shared.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The catalog_git_sources table: a repository, a branch or tag, the folder of the tree, the last commit applied. */
@Repository
class GitSources {

    /** {@code refKind}: BRANCH or TAG. */
    record GitSource(long id, String url, String refKind, String refName, String path, String lastCommit,
                     Instant lastSyncedAt, Instant createdAt, String createdBy) {

        String ref() {
            return (refKind.equals("TAG") ? "refs/tags/" : "refs/heads/") + refName;
        }
    }

    private final JdbcClient jdbc;

    GitSources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String url, String refKind, String refName, String path, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO catalog_git_sources (url, ref_kind, ref_name, path, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?)""").params(url, refKind, refName, path, DbTime.toDb(at), by).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<GitSource> byId(long id) {
        return jdbc.sql("SELECT * FROM catalog_git_sources WHERE id = ?").param(id).query(GitSources::row).optional();
    }

    List<GitSource> all() {
        return jdbc.sql("SELECT * FROM catalog_git_sources ORDER BY id").query(GitSources::row).list();
    }

    void synced(long id, String commit, Instant at) {
        jdbc.sql("UPDATE catalog_git_sources SET last_commit = ?, last_synced_at = ? WHERE id = ?")
                .params(commit, DbTime.toDb(at), id).update();
    }

    private static GitSource row(ResultSet rs, int n) throws SQLException {
        return new GitSource(rs.getLong("id"), rs.getString("url"), rs.getString("ref_kind"), rs.getString("ref_name"),
                rs.getString("path"), rs.getString("last_commit"), DbTime.read(rs, "last_synced_at"),
                DbTime.read(rs, "created_at"), rs.getString("created_by"));
    }
}
