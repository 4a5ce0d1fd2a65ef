package io.devops.platform.catalog;

import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The templates table and the steps of each version, as the user composed them. */
@Repository
class Templates {

    record Row(long id, String name, String description, int version, long originalTemplateId, boolean latest,
               boolean deleted, Instant createdAt, String createdBy) {
    }

    /** A stored step; {@code refId} is the operator or shell version, {@code params} the resolved values. */
    record StepRow(int sequence, String type, long refId, Dispatch dispatch, Map<String, String> params) {
    }

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "name", "createdAt", "created_at",
            "version", "version");

    private final JdbcClient jdbc;

    Templates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, String description, Long originalId, int version, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO templates (name, description, version, original_template_id, is_latest, created_at, created_by)
                VALUES (?, ?, ?, ?, TRUE, ?, ?)""")
                .params(name, description, version, originalId, DbTime.toDb(at), by).update(keys, "id");
        long id = keys.getKey().longValue();
        if (originalId == null) {
            jdbc.sql("UPDATE templates SET original_template_id = id WHERE id = ?").param(id).update();
        }
        return id;
    }

    void insertStep(long templateId, StepRow step) {
        var keys = new GeneratedKeyHolder();
        boolean operator = step.type().equals("operator");
        jdbc.sql("INSERT INTO template_steps (template_id, sequence, step_type, operator_id, shell_id, dispatch) VALUES (?, ?, ?, ?, ?, ?)")
                .params(templateId, step.sequence(), step.type(), operator ? step.refId() : null,
                        operator ? null : step.refId(), step.dispatch().name())
                .update(keys, "id");
        long stepId = keys.getKey().longValue();
        step.params().forEach((name, value) -> jdbc.sql(
                "INSERT INTO template_step_params (step_id, name, param_value) VALUES (?, ?, ?)")
                .params(stepId, name, value).update());
    }

    List<StepRow> steps(long templateId) {
        return jdbc.sql("SELECT * FROM template_steps WHERE template_id = ? ORDER BY sequence").param(templateId)
                .query((rs, n) -> {
                    long stepId = rs.getLong("id");
                    Map<String, String> params = new LinkedHashMap<>();
                    jdbc.sql("SELECT name, param_value FROM template_step_params WHERE step_id = ? ORDER BY id")
                            .param(stepId).query(p -> {
                                params.put(p.getString("name"), p.getString("param_value"));
                            });
                    String type = rs.getString("step_type");
                    return new StepRow(rs.getInt("sequence"), type,
                            rs.getLong(type.equals("operator") ? "operator_id" : "shell_id"),
                            Dispatch.valueOf(rs.getString("dispatch")), params);
                }).list();
    }

    boolean retireHead(long originalId) {
        return jdbc.sql("UPDATE templates SET is_latest = FALSE WHERE original_template_id = ? AND is_latest = TRUE AND is_deleted = FALSE")
                .param(originalId).update() == 1;
    }

    int nextVersion(long originalId) {
        return jdbc.sql("SELECT MAX(version) + 1 FROM templates WHERE original_template_id = ?").param(originalId)
                .query(Integer.class).single();
    }

    void softDeleteLineage(long originalId, Instant at, String by) {
        jdbc.sql("UPDATE templates SET is_deleted = TRUE, updated_at = ?, updated_by = ? WHERE original_template_id = ?")
                .params(DbTime.toDb(at), by, originalId).update();
    }

    boolean nameTaken(String name, long exceptLineage) {
        return jdbc.sql("SELECT COUNT(*) FROM templates WHERE name = ? AND is_latest = TRUE AND is_deleted = FALSE AND original_template_id <> ?")
                .params(name, exceptLineage).query(Long.class).single() > 0;
    }

    /** Whether any version of any lineage, deleted or not, was ever named {@code name}. */
    boolean everNamed(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM templates WHERE name = ?").param(name).query(Long.class).single() > 0;
    }

    Optional<Row> byId(long id) {
        return jdbc.sql("SELECT * FROM templates WHERE id = ?").param(id).query(Templates::row).optional();
    }

    Optional<Row> head(long originalId) {
        return jdbc.sql("SELECT * FROM templates WHERE original_template_id = ? AND is_latest = TRUE AND is_deleted = FALSE")
                .param(originalId).query(Templates::row).optional();
    }

    List<Row> lineage(long originalId) {
        return jdbc.sql("SELECT * FROM templates WHERE original_template_id = ? ORDER BY version").param(originalId)
                .query(Templates::row).list();
    }

    PageResult<Row> page(String name, boolean allVersions, PageQuery query) {
        var filter = new ListFilter().nameContains("name", name)
                .when(!allVersions, "is_latest = TRUE AND is_deleted = FALSE");
        long total = filter.bind(jdbc.sql("SELECT COUNT(*) FROM templates" + filter.where())).query(Long.class).single();
        List<Row> items = filter.bind(jdbc.sql("SELECT * FROM templates" + filter.where()
                        + query.orderBy(SORTABLE, "id") + " LIMIT :limit OFFSET :offset"))
                .param("limit", query.size()).param("offset", query.offset())
                .query(Templates::row).list();
        return PageResult.of(items, total, query);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getInt("version"),
                rs.getLong("original_template_id"), rs.getBoolean("is_latest"), rs.getBoolean("is_deleted"),
                DbTime.read(rs, "created_at"), rs.getString("created_by"));
    }
}
