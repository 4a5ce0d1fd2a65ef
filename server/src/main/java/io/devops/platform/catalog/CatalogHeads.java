package io.devops.platform.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lookups by name for catalog as code: the live heads of each kind and pinned versions of live lineages. */
@Repository
class CatalogHeads {

    private final JdbcClient jdbc;

    CatalogHeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Long> liveRoles() {
        return jdbc.sql("SELECT id FROM roles WHERE is_deleted = FALSE ORDER BY name").query(Long.class).list();
    }

    List<Long> liveOperators() {
        return ids("operators");
    }

    List<Long> liveShells() {
        return ids("shells");
    }

    List<Long> liveTemplates() {
        return ids("templates");
    }

    /** The version {@code version} (null: the head) of the live operator lineage with this key. */
    Optional<Long> operatorVersion(CatalogSpec.OperatorKey key, Integer version) {
        return jdbc.sql("""
                SELECT o.id FROM operators o JOIN operators h ON h.original_opt_id = o.original_opt_id
                JOIN roles r ON r.id = h.role_id
                WHERE r.name = ? AND h.name = ? AND h.pkg_version = ? AND h.is_latest = TRUE AND h.is_deleted = FALSE
                AND (o.opt_version = ? OR (? = 0 AND o.id = h.id)) ORDER BY o.id""")
                .params(key.role(), key.name(), key.pkgVersion(), orZero(version), orZero(version))
                .query(Long.class).list().stream().findFirst();
    }

    /** The version {@code version} (null: the head) of the live shell lineage named {@code name}. */
    Optional<Long> shellVersion(String name, Integer version) {
        return lineageVersion("shells", "original_shell_id", name, version);
    }

    /** The version {@code version} (null: the head) of the live template lineage named {@code name}. */
    Optional<Long> templateVersion(String name, Integer version) {
        return lineageVersion("templates", "original_template_id", name, version);
    }

    /** Shells and templates share a shape: a lineage column, {@code version}, {@code name} and the head flags. */
    private Optional<Long> lineageVersion(String table, String lineage, String name, Integer version) {
        return jdbc.sql("SELECT v.id FROM " + table + " v JOIN " + table + " h ON h." + lineage + " = v." + lineage + """
                 WHERE h.name = ? AND h.is_latest = TRUE AND h.is_deleted = FALSE
                AND (v.version = ? OR (? = 0 AND v.id = h.id)) ORDER BY v.id""")
                .params(name, orZero(version), orZero(version)).query(Long.class).list().stream().findFirst();
    }

    /** Versions start at 1: 0 stands for "the head". */
    private static int orZero(Integer version) {
        return version == null ? 0 : version;
    }

    private List<Long> ids(String table) {
        return jdbc.sql("SELECT id FROM " + table + " WHERE is_latest = TRUE AND is_deleted = FALSE ORDER BY id")
                .query(Long.class).list();
    }
}
