package io.devops.platform.catalogsync;

import com.fasterxml.jackson.annotation.JsonRawValue;
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

    /**
     * {@code refKind}: BRANCH or TAG. {@code schedule}: a cron expression (UTC) or null (on demand only);
     * {@code pendingCommit} and {@code lastPlan}: a scheduled sync's plan waiting for approval (the plan
     * stays as the last one seen when nothing waits); {@code lastOutcome}: what the last scheduled sync did;
     * {@code credential}: the name of the SSH credential of an ssh:// source; {@code hostKey}: the SSH
     * host key pinned on its first fetch ({@code type base64}).
     */
    record GitSource(long id, String url, String refKind, String refName, String path, String lastCommit,
                     Instant lastSyncedAt, Instant createdAt, String createdBy, String schedule, boolean autoApply,
                     Instant nextSyncAt, String pendingCommit, @JsonRawValue String lastPlan, String lastOutcome,
                     String credential, String hostKey) {

        String ref() {
            return (refKind.equals("TAG") ? "refs/tags/" : "refs/heads/") + refName;
        }
    }

    private final JdbcClient jdbc;

    GitSources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new source is: where its tree is, and when (if ever) it syncs by itself. */
    record NewSource(String url, String refKind, String refName, String path, String schedule, boolean autoApply,
                     Instant nextSyncAt, String credential) {
    }

    long insert(NewSource source, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO catalog_git_sources (url, ref_kind, ref_name, path, schedule_cron, auto_apply, next_sync_at,
                                                 created_at, created_by, credential_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(source.url(), source.refKind(), source.refName(), source.path(), source.schedule(),
                        source.autoApply(), DbTime.toDb(source.nextSyncAt()), DbTime.toDb(at), by, source.credential())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The scheduled sources whose sync is due at {@code now}. */
    List<GitSource> due(Instant now) {
        return jdbc.sql("SELECT * FROM catalog_git_sources WHERE next_sync_at <= ? ORDER BY next_sync_at, id")
                .param(DbTime.toDb(now)).query(GitSources::row).list();
    }

    /**
     * Moves the source's next sync from {@code planned} to {@code following}; false when another
     * instance did so first (it runs this sync, not us).
     */
    boolean claim(long id, Instant planned, Instant following) {
        return jdbc.sql("UPDATE catalog_git_sources SET next_sync_at = ? WHERE id = ? AND next_sync_at = ?")
                .params(DbTime.toDb(following), id, DbTime.toDb(planned)).update() == 1;
    }

    /** A plan waits for approval ({@code pendingCommit} null: nothing waits, the plan is only the last seen). */
    void planned(long id, String pendingCommit, String planJson, String outcome) {
        jdbc.sql("UPDATE catalog_git_sources SET pending_commit = ?, last_plan = ?, last_outcome = ? WHERE id = ?")
                .params(pendingCommit, planJson, outcome, id).update();
    }

    void outcome(long id, String outcome) {
        jdbc.sql("UPDATE catalog_git_sources SET last_outcome = ? WHERE id = ?").params(outcome, id).update();
    }

    Optional<GitSource> byId(long id) {
        return jdbc.sql("SELECT * FROM catalog_git_sources WHERE id = ?").param(id).query(GitSources::row).optional();
    }

    List<GitSource> all() {
        return jdbc.sql("SELECT * FROM catalog_git_sources ORDER BY id").query(GitSources::row).list();
    }

    /**
     * Removes the source; the imports it made keep their commit ids (the version histories still
     * show them) but no longer name the source. False when there was none.
     */
    boolean delete(long id) {
        jdbc.sql("UPDATE catalog_imports SET source_id = NULL WHERE source_id = ?").param(id).update();
        return jdbc.sql("DELETE FROM catalog_git_sources WHERE id = ?").param(id).update() == 1;
    }

    /** Pins the SSH host key seen on the first fetch; false when one was pinned meanwhile. */
    boolean pinHostKey(long id, String hostKey) {
        return jdbc.sql("UPDATE catalog_git_sources SET host_key = ? WHERE id = ? AND host_key IS NULL")
                .params(hostKey, id).update() == 1;
    }

    /** The tree of {@code commit} is in the platform: nothing waits for approval any more. */
    void synced(long id, String commit, Instant at) {
        jdbc.sql("UPDATE catalog_git_sources SET last_commit = ?, last_synced_at = ?, pending_commit = NULL WHERE id = ?")
                .params(commit, DbTime.toDb(at), id).update();
    }

    private static GitSource row(ResultSet rs, int n) throws SQLException {
        return new GitSource(rs.getLong("id"), rs.getString("url"), rs.getString("ref_kind"), rs.getString("ref_name"),
                rs.getString("path"), rs.getString("last_commit"), DbTime.read(rs, "last_synced_at"),
                DbTime.read(rs, "created_at"), rs.getString("created_by"), rs.getString("schedule_cron"),
                rs.getBoolean("auto_apply"), DbTime.read(rs, "next_sync_at"), rs.getString("pending_commit"),
                rs.getString("last_plan"), rs.getString("last_outcome"), rs.getString("credential_name"),
                rs.getString("host_key"));
    }
}
