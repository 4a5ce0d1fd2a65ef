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
 * The roles table. A role's files are versioned (see {@link RoleVersions}); its row carries a
 * {@code revision}, bumped by every change to the role, which a change names to be accepted. Deletion is soft.
 */
@Repository
class Roles {

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "name", "createdAt", "created_at");

    private final JdbcClient jdbc;

    Roles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, String description, String source, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO roles (name, description, source, created_at, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(name, description, source, DbTime.toDb(at), by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<CatalogRole> byId(long id) {
        return jdbc.sql("SELECT * FROM roles WHERE id = ?").param(id).query(Roles::row).optional();
    }

    Optional<CatalogRole> byName(String name) {
        return jdbc.sql("SELECT * FROM roles WHERE name = ?").param(name).query(Roles::row).optional();
    }

    /** Locks the role's row until the transaction ends: serialises instances loading the built-in content. */
    void lock(long id) {
        jdbc.sql("SELECT id FROM roles WHERE id = ? FOR UPDATE").param(id).query(Long.class).list();
    }

    PageResult<CatalogRole> page(String name, boolean withDeleted, PageQuery query) {
        var filter = new ListFilter().nameContains("name", name).when(!withDeleted, "is_deleted = FALSE");
        long total = filter.bind(jdbc.sql("SELECT COUNT(*) FROM roles" + filter.where())).query(Long.class).single();
        List<CatalogRole> items = filter.bind(jdbc.sql("SELECT * FROM roles" + filter.where()
                        + query.orderBy(SORTABLE, "id") + " LIMIT :limit OFFSET :offset"))
                .param("limit", query.size()).param("offset", query.offset())
                .query(Roles::row).list();
        return PageResult.of(items, total, query);
    }

    /** Records a change: the role's revision goes up by one. */
    void touch(long id, String source, Instant at, String by) {
        jdbc.sql("UPDATE roles SET source = ?, revision = revision + 1, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(source, DbTime.toDb(at), by, id).update();
    }

    void softDelete(long id, Instant at, String by) {
        jdbc.sql("UPDATE roles SET is_deleted = TRUE, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(DbTime.toDb(at), by, id).update();
    }

    private static CatalogRole row(ResultSet rs, int row) throws SQLException {
        return new CatalogRole(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                rs.getString("source"), rs.getInt("revision"), rs.getBoolean("is_deleted"), DbTime.read(rs, "created_at"),
                rs.getString("created_by"), DbTime.read(rs, "updated_at"), rs.getString("updated_by"));
    }
}
