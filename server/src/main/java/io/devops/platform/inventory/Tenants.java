package io.devops.platform.inventory;

import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.ExpectedVersion;
import io.devops.platform.shared.Like;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import io.devops.platform.shared.Slug;
import io.devops.platform.shared.VersionedUpdate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Tenants {

    private static final Map<String, String> SORTABLE = Map.of("id", "t.id", "name", "t.name", "createdAt", "t.created_at");
    private static final String SELECT = """
            SELECT t.*, (SELECT COUNT(*) FROM node_pools p WHERE p.tenant_id = t.id) AS pool_count FROM tenants t""";

    private final JdbcClient jdbc;

    Tenants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TenantView> byId(long id) {
        return jdbc.sql(SELECT + " WHERE t.id = ?").param(id).query(Tenants::map).optional();
    }

    boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM tenants WHERE name = ? AND id <> ?").params(name, exceptId)
                .query(Long.class).single() > 0;
    }

    /** The tenant other than {@code exceptId} whose name derives this slug, if any. */
    Optional<String> slugHolder(String slug, long exceptId) {
        return jdbc.sql("SELECT name FROM tenants WHERE slug = ? AND id <> ?").params(slug, exceptId).query(String.class)
                .optional();
    }

    PageResult<TenantView> page(String nameContains, Optional<String> scope, PageQuery query) {
        List<String> conditions = new ArrayList<>();
        scope.ifPresent(conditions::add);
        if (nameContains != null) {
            conditions.add("t.name LIKE ?");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        List<Object> params = nameContains == null ? List.of() : List.of(Like.contains(nameContains));
        long total = jdbc.sql("SELECT COUNT(*) FROM tenants t" + where).params(params).query(Long.class).single();
        List<TenantView> items = jdbc.sql(SELECT + where + query.orderBy(SORTABLE, "t.id") + query.limitOffset())
                .params(params).query(Tenants::map).list();
        return PageResult.of(items, total, query);
    }

    long insert(String name, String description, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO tenants (name, slug, description, created_at, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(name, Slug.of(name), description, DbTime.toDb(at), by).update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, String name, String description, ExpectedVersion expected, Instant at, String by) {
        VersionedUpdate.update(jdbc, "tenants", id, expected, "Tenant " + id,
                "name = ?, slug = ?, description = ?, updated_at = ?, updated_by = ?", name, Slug.of(name), description,
                DbTime.toDb(at), by);
    }

    List<String> poolNames(long tenantId) {
        return jdbc.sql("SELECT name FROM node_pools WHERE tenant_id = ? ORDER BY name").param(tenantId)
                .query(String.class).list();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM tenants WHERE id = ?").param(id).update();
    }

    private static TenantView map(ResultSet rs, int row) throws SQLException {
        return new TenantView(rs.getLong("id"), rs.getString("name"), Rows.slug(rs, ""), rs.getString("description"),
                rs.getLong("pool_count"), Rows.stamp(rs, ""));
    }
}
