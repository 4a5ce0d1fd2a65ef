package io.devops.platform.job;

import io.devops.platform.job.JobVersion.FailurePolicy;
import io.devops.platform.job.JobVersion.JobItem;
import io.devops.platform.job.JobVersion.Target;
import io.devops.platform.job.JobVersion.TargetType;
import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.Like;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Jobs and their versions; a version and its items are written once and never changed. */
@Repository
class Jobs {

    private static final Map<String, String> SORTABLE = Map.of("id", "j.id", "name", "j.name", "updatedAt", "j.updated_at");
    private static final String SELECT_VERSION = """
            SELECT v.*, j.latest_version FROM job_versions v JOIN jobs j ON j.id = v.job_id""";

    private final JdbcClient jdbc;

    Jobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertJob(String name, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO jobs (name, latest_version, is_deleted, created_at, created_by) VALUES (?, 0, FALSE, ?, ?)")
                .params(name, DbTime.toDb(at), by).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Appends version {@code version}; fails on a concurrent edit that took the same number (unique key). */
    long insertVersion(long jobId, int version, NewVersion draft, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO job_versions (job_id, version, name, comments, failure_policy, parameters, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(jobId, version, draft.name(), draft.comments(), draft.failurePolicy().name(),
                        JobParameters.write(draft.parameters()), DbTime.toDb(at), by)
                .update(keys, "id");
        long versionId = keys.getKey().longValue();
        for (JobItem item : draft.items()) {
            var itemKeys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO job_items (job_version_id, sequence, template_id) VALUES (?, ?, ?)")
                    .params(versionId, item.sequence(), item.templateId()).update(itemKeys, "id");
            long itemId = itemKeys.getKey().longValue();
            for (Target target : item.targets()) {
                jdbc.sql("INSERT INTO job_item_targets (job_item_id, target_type, node_id, node_pool_id) VALUES (?, ?, ?, ?)")
                        .params(itemId, target.type().name(), target.type() == TargetType.NODE ? target.id() : null,
                                target.type() == TargetType.NODE_POOL ? target.id() : null)
                        .update();
            }
        }
        jdbc.sql("UPDATE jobs SET name = ?, latest_version = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(draft.name(), version, DbTime.toDb(at), by, jobId).update();
        return versionId;
    }

    /** Empty when the job does not exist or belongs to no single tenant. */
    Optional<Long> tenantOf(long jobId) {
        return jdbc.sql("SELECT tenant_id FROM jobs WHERE id = ?").param(jobId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("tenant_id") == null ? null : rs.getLong("tenant_id")))
                .optional().flatMap(tenant -> tenant);
    }

    void setTenant(long jobId, Long tenantId) {
        jdbc.sql("UPDATE jobs SET tenant_id = ? WHERE id = ?").params(tenantId, jobId).update();
    }

    Optional<JobHead> head(long jobId) {
        return jdbc.sql("SELECT id, name, latest_version, is_deleted FROM jobs WHERE id = ?").param(jobId)
                .query((rs, n) -> new JobHead(rs.getLong("id"), rs.getString("name"), rs.getInt("latest_version"),
                        rs.getBoolean("is_deleted")))
                .optional();
    }

    boolean nameTaken(String name, long exceptJobId) {
        return jdbc.sql("SELECT COUNT(*) FROM jobs WHERE name = ? AND id <> ? AND is_deleted = FALSE")
                .params(name, exceptJobId).query(Long.class).single() > 0;
    }

    void markDeleted(long jobId, Instant at, String by) {
        jdbc.sql("UPDATE jobs SET is_deleted = TRUE, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(DbTime.toDb(at), by, jobId).update();
    }

    Optional<JobVersion> version(long jobId, int version) {
        return jdbc.sql(SELECT_VERSION + " WHERE v.job_id = ? AND v.version = ?").params(jobId, version)
                .query((rs, n) -> new VersionRow(rs.getLong("id"), rs.getLong("job_id"), rs.getInt("version"),
                        rs.getInt("latest_version"), rs.getString("name"), rs.getString("comments"),
                        FailurePolicy.valueOf(rs.getString("failure_policy")), DbTime.read(rs, "created_at"),
                        rs.getString("created_by"), JobParameters.read(rs.getString("parameters"))))
                .optional()
                .map(row -> new JobVersion(row.jobId(), row.version(), row.id(), row.version() == row.latestVersion(),
                        row.name(), row.comments(), row.policy(), items(row.id()), row.createdAt(), row.createdBy(), row.parameters()));
    }

    List<Integer> versionNumbers(long jobId) {
        return jdbc.sql("SELECT version FROM job_versions WHERE job_id = ? ORDER BY version DESC").param(jobId)
                .query(Integer.class).list();
    }

    PageResult<JobHead> page(String name, Optional<String> scope, PageQuery query) {
        String where = " WHERE j.is_deleted = FALSE" + scope.map(condition -> " AND " + condition).orElse("")
                + (name == null ? "" : " AND j.name LIKE ?");
        List<Object> params = name == null ? List.of() : List.of(Like.contains(name));
        long total = jdbc.sql("SELECT COUNT(*) FROM jobs j" + where).params(params).query(Long.class).single();
        List<JobHead> heads = jdbc.sql("SELECT j.id, j.name, j.latest_version, j.is_deleted FROM jobs j" + where
                        + query.orderBy(SORTABLE, "j.id") + query.limitOffset())
                .params(params)
                .query((rs, n) -> new JobHead(rs.getLong("id"), rs.getString("name"), rs.getInt("latest_version"),
                        rs.getBoolean("is_deleted")))
                .list();
        return PageResult.of(heads, total, query);
    }

    /** Versions whose items use this template version, for "still in use" checks. */
    long countUsesOfTemplate(long templateId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM job_items i JOIN job_versions v ON v.id = i.job_version_id JOIN jobs j ON j.id = v.job_id
                WHERE i.template_id = ? AND j.is_deleted = FALSE""").param(templateId).query(Long.class).single();
    }

    private List<JobItem> items(long versionId) {
        Map<Long, List<Target>> targets = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT t.job_item_id, t.target_type, t.node_id, t.node_pool_id FROM job_item_targets t
                JOIN job_items i ON i.id = t.job_item_id WHERE i.job_version_id = ? ORDER BY t.id""")
                .param(versionId)
                .query(rs -> {
                    TargetType type = TargetType.valueOf(rs.getString("target_type"));
                    long id = type == TargetType.NODE ? rs.getLong("node_id") : rs.getLong("node_pool_id");
                    targets.computeIfAbsent(rs.getLong("job_item_id"), k -> new ArrayList<>()).add(new Target(type, id));
                });
        return jdbc.sql("SELECT id, sequence, template_id FROM job_items WHERE job_version_id = ? ORDER BY sequence")
                .param(versionId)
                .query((rs, n) -> new JobItem(rs.getInt("sequence"), rs.getLong("template_id"), null, null,
                        targets.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    record JobHead(long id, String name, int latestVersion, boolean deleted) {
    }

    record NewVersion(String name, String comments, FailurePolicy failurePolicy, List<JobItem> items, List<JobParameter> parameters) {

        NewVersion {
            parameters = parameters == null ? List.of() : List.copyOf(parameters);
        }
    }

    private record VersionRow(long id, long jobId, int version, int latestVersion, String name, String comments,
                              FailurePolicy policy, Instant createdAt, String createdBy, List<JobParameter> parameters) {
    }
}
