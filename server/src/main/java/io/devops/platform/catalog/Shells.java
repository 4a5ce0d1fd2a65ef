package io.devops.platform.catalog;

import io.devops.platform.shared.DbTime;
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

/** The shells table with its parameters and report paths: one row per shell version. */
@Repository
class Shells {

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "name", "createdAt", "created_at",
            "version", "version");

    private final JdbcClient jdbc;

    Shells(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ShellDraft.Checked shell, Long originalId, int version, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO shells (name, description, shell_template, dispatch, version, original_shell_id, is_latest,
                                    created_at, created_by, run_as)
                VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?)""")
                .params(shell.name(), shell.description(), shell.command(), shell.dispatch().name(), version, originalId,
                        DbTime.toDb(at), by, shell.runAs())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (originalId == null) {
            jdbc.sql("UPDATE shells SET original_shell_id = id WHERE id = ?").param(id).update();
        }
        int sequence = 0;
        for (ShellParameter p : shell.parameters()) {
            jdbc.sql("""
                    INSERT INTO shell_parameters (shell_id, sequence, name, param_type, pattern, is_required, default_value, description)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, ++sequence, p.name(), p.type().name(), p.pattern(), p.required(), p.defaultValue(),
                            p.description())
                    .update();
        }
        sequence = 0;
        for (String path : shell.reports()) {
            jdbc.sql("INSERT INTO shell_reports (shell_id, sequence, path) VALUES (?, ?, ?)").params(id, ++sequence, path)
                    .update();
        }
        return id;
    }

    boolean retireHead(long originalId) {
        return jdbc.sql("UPDATE shells SET is_latest = FALSE WHERE original_shell_id = ? AND is_latest = TRUE AND is_deleted = FALSE")
                .param(originalId).update() == 1;
    }

    int nextVersion(long originalId) {
        return jdbc.sql("SELECT MAX(version) + 1 FROM shells WHERE original_shell_id = ?").param(originalId)
                .query(Integer.class).single();
    }

    void softDeleteLineage(long originalId, Instant at, String by) {
        jdbc.sql("UPDATE shells SET is_deleted = TRUE, updated_at = ?, updated_by = ? WHERE original_shell_id = ?")
                .params(DbTime.toDb(at), by, originalId).update();
    }

    /** Whether another lineage, not deleted, already uses the name. */
    boolean nameTaken(String name, long exceptLineage) {
        return jdbc.sql("SELECT COUNT(*) FROM shells WHERE name = ? AND is_latest = TRUE AND is_deleted = FALSE AND original_shell_id <> ?")
                .params(name, exceptLineage).query(Long.class).single() > 0;
    }

    Optional<ShellScript> byId(long id) {
        return jdbc.sql("SELECT * FROM shells WHERE id = ?").param(id).query(this::row).optional();
    }

    List<ShellScript> lineage(long originalId) {
        return jdbc.sql("SELECT * FROM shells WHERE original_shell_id = ? ORDER BY version").param(originalId)
                .query(this::row).list();
    }

    PageResult<ShellScript> page(String name, boolean allVersions, PageQuery query) {
        var filter = new ListFilter().nameContains("name", name)
                .when(!allVersions, "is_latest = TRUE AND is_deleted = FALSE");
        long total = filter.bind(jdbc.sql("SELECT COUNT(*) FROM shells" + filter.where())).query(Long.class).single();
        List<ShellScript> items = filter.bind(jdbc.sql("SELECT * FROM shells" + filter.where()
                        + query.orderBy(SORTABLE, "id") + " LIMIT :limit OFFSET :offset"))
                .param("limit", query.size()).param("offset", query.offset())
                .query(this::row).list();
        return PageResult.of(items, total, query);
    }

    List<String> templatesUsing(long originalId) {
        return jdbc.sql("""
                SELECT DISTINCT t.name, t.id FROM templates t JOIN template_steps s ON s.template_id = t.id
                JOIN shells sh ON sh.id = s.shell_id
                WHERE sh.original_shell_id = ? AND t.is_latest = TRUE AND t.is_deleted = FALSE ORDER BY t.id""")
                .param(originalId).query((rs, row) -> "'" + rs.getString("name") + "' (id " + rs.getLong("id") + ")")
                .list();
    }

    /** Whether any version of any lineage, deleted or not, was ever named {@code name}. */
    boolean everNamed(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM shells WHERE name = ?").param(name).query(Long.class).single() > 0;
    }

    /** The head version of the current (not deleted) shell named {@code name}. */
    Optional<Long> headNamed(String name) {
        return jdbc.sql("SELECT id FROM shells WHERE name = ? AND is_latest = TRUE AND is_deleted = FALSE ORDER BY id")
                .param(name).query(Long.class).list().stream().findFirst();
    }

    private ShellScript row(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<ShellParameter> parameters = jdbc.sql("SELECT * FROM shell_parameters WHERE shell_id = ? ORDER BY sequence")
                .param(id)
                .query((p, n) -> new ShellParameter(p.getString("name"), VariableType.valueOf(p.getString("param_type")),
                        p.getString("pattern"), p.getBoolean("is_required"), p.getString("default_value"),
                        p.getString("description")))
                .list();
        List<String> reports = jdbc.sql("SELECT path FROM shell_reports WHERE shell_id = ? ORDER BY sequence").param(id)
                .query(String.class).list();
        return new ShellScript(id, rs.getString("name"), rs.getString("description"), rs.getString("shell_template"),
                Dispatch.valueOf(rs.getString("dispatch")), rs.getInt("version"), rs.getLong("original_shell_id"),
                rs.getBoolean("is_latest"), rs.getBoolean("is_deleted"), parameters, reports,
                DbTime.read(rs, "created_at"), rs.getString("created_by"), rs.getString("run_as"));
    }
}
