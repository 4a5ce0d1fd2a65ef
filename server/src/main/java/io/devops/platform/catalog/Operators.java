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

/**
 * The operators table: one row per operator version; rows are never changed except the two flags
 * (and a missing role version pin, set once by the role's first files).
 */
@Repository
class Operators {

    /** The stored columns of one version, before its values are attached. */
    record Row(long id, String name, long roleId, String roleName, String pkgVersion, long valueSetId, int optVersion,
               long originalOptId, boolean latest, boolean deleted, String description, Integer roleVersion,
               String roleHash, Instant createdAt, String createdBy) {
    }

    /** What a new version consists of. */
    record NewVersion(String name, long roleId, String pkgVersion, long valueSetId, String description, Long roleVersionId) {

        NewVersion named(String newName) {
            return new NewVersion(newName, roleId, pkgVersion, valueSetId, description, roleVersionId);
        }
    }

    private static final Map<String, String> SORTABLE = Map.of("id", "o.id", "name", "o.name",
            "createdAt", "o.created_at", "version", "o.opt_version");
    private static final String SELECT = """
            SELECT o.*, r.name AS role_name, rv.version AS role_version, rv.content_hash AS role_hash
            FROM operators o JOIN roles r ON r.id = o.role_id LEFT JOIN role_versions rv ON rv.id = o.role_version_id""";

    private final JdbcClient jdbc;

    Operators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts version {@code version} of the lineage {@code originalId}, or a new lineage when that is null. */
    long insert(NewVersion v, Long originalId, int version, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO operators (name, role_id, pkg_version, value_set_id, opt_version, original_opt_id, is_latest,
                                       live_head, description, role_version_id, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, TRUE, TRUE, ?, ?, ?, ?)""")
                .params(v.name(), v.roleId(), v.pkgVersion(), v.valueSetId(), version, originalId, v.description(),
                        v.roleVersionId(), DbTime.toDb(at), by)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (originalId == null) {
            jdbc.sql("UPDATE operators SET original_opt_id = id WHERE id = ?").param(id).update();
        }
        return id;
    }

    /** Takes the head flag off the lineage; false when someone else changed or deleted it first. */
    boolean retireHead(long originalId) {
        return jdbc.sql("""
                UPDATE operators SET is_latest = FALSE, live_head = NULL
                WHERE original_opt_id = ? AND is_latest = TRUE AND is_deleted = FALSE""")
                .param(originalId).update() == 1;
    }

    /** The live operator of this role, other than lineage {@code exceptLineage}, with this name and package version. */
    Optional<Long> liveNamed(long roleId, String name, String pkgVersion, long exceptLineage) {
        return jdbc.sql("""
                SELECT id FROM operators WHERE role_id = ? AND name = ? AND pkg_version = ? AND live_head = TRUE
                AND original_opt_id <> ?""")
                .params(roleId, name, pkgVersion, exceptLineage).query(Long.class).optional();
    }

    int nextVersion(long originalId) {
        return jdbc.sql("SELECT MAX(opt_version) + 1 FROM operators WHERE original_opt_id = ?").param(originalId)
                .query(Integer.class).single();
    }

    void softDeleteLineage(long originalId, Instant at, String by) {
        jdbc.sql("UPDATE operators SET is_deleted = TRUE, live_head = NULL, updated_at = ?, updated_by = ? WHERE original_opt_id = ?")
                .params(DbTime.toDb(at), by, originalId).update();
    }

    Optional<Row> byId(long id) {
        return jdbc.sql(SELECT + " WHERE o.id = ?").param(id).query(Operators::row).optional();
    }

    List<Row> lineage(long originalId) {
        return jdbc.sql(SELECT + " WHERE o.original_opt_id = ? ORDER BY o.opt_version").param(originalId)
                .query(Operators::row).list();
    }

    PageResult<Row> page(String name, Long roleId, boolean allVersions, PageQuery query) {
        var filter = new ListFilter().nameContains("o.name", name).equal("o.role_id", "roleId", roleId)
                .when(!allVersions, "o.is_latest = TRUE AND o.is_deleted = FALSE");
        long total = filter.bind(jdbc.sql("SELECT COUNT(*) FROM operators o" + filter.where())).query(Long.class).single();
        List<Row> items = filter.bind(jdbc.sql(SELECT + filter.where() + query.orderBy(SORTABLE, "o.id")
                        + " LIMIT :limit OFFSET :offset"))
                .param("limit", query.size()).param("offset", query.offset())
                .query(Operators::row).list();
        return PageResult.of(items, total, query);
    }

    /** The operators (latest, not deleted) that use the role. */
    List<Row> activeOfRole(long roleId) {
        return jdbc.sql(SELECT + " WHERE o.role_id = ? AND o.is_latest = TRUE AND o.is_deleted = FALSE ORDER BY o.id")
                .param(roleId).query(Operators::row).list();
    }

    /** Names of the operators (latest, not deleted) that use the role. */
    List<String> activeNamesUsingRole(long roleId) {
        return jdbc.sql("SELECT name FROM operators WHERE role_id = ? AND is_latest = TRUE AND is_deleted = FALSE ORDER BY id")
                .param(roleId).query(String.class).list();
    }

    /** Current templates (latest, not deleted) with a step on any version of the lineage. */
    List<String> templatesUsing(long originalId) {
        return jdbc.sql("""
                SELECT DISTINCT t.name, t.version, t.id FROM templates t JOIN template_steps s ON s.template_id = t.id
                JOIN operators o ON o.id = s.operator_id
                WHERE o.original_opt_id = ? AND t.is_latest = TRUE AND t.is_deleted = FALSE ORDER BY t.id""")
                .param(originalId).query((rs, row) -> "'" + rs.getString("name") + "' (id " + rs.getLong("id") + ")")
                .list();
    }

    /** Whether any version of any lineage, deleted or not, was ever named {@code name}. */
    boolean everNamed(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM operators WHERE name = ?").param(name).query(Long.class).single() > 0;
    }

    /** The head version of the current (not deleted) operator named {@code name}. */
    Optional<Long> headNamed(String name) {
        return jdbc.sql("SELECT id FROM operators WHERE name = ? AND is_latest = TRUE AND is_deleted = FALSE ORDER BY id")
                .param(name).query(Long.class).list().stream().findFirst();
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        String pkg = rs.getString("pkg_version");
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getLong("role_id"), rs.getString("role_name"),
                pkg.isEmpty() ? null : pkg, rs.getLong("value_set_id"), rs.getInt("opt_version"),
                rs.getLong("original_opt_id"), rs.getBoolean("is_latest"), rs.getBoolean("is_deleted"),
                rs.getString("description"), (Integer) rs.getObject("role_version", Integer.class), rs.getString("role_hash"),
                DbTime.read(rs, "created_at"), rs.getString("created_by"));
    }
}
