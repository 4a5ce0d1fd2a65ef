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
class NodePools {

    private static final Map<String, String> SORTABLE = Map.of(
            "id", "p.id", "name", "p.name", "tenantId", "p.tenant_id", "createdAt", "p.created_at");
    private static final String SELECT = """
            SELECT p.*, t.name AS tenant_name,
                   (SELECT COUNT(*) FROM nodes n WHERE n.node_pool_id = p.id) AS node_count
            FROM node_pools p LEFT JOIN tenants t ON t.id = p.tenant_id""";

    private final JdbcClient jdbc;

    NodePools(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<NodePoolView> byId(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?").param(id).query(NodePools::map).optional();
    }

    Optional<NodePoolView> byName(String name) {
        return jdbc.sql(SELECT + " WHERE p.name = ?").param(name).query(NodePools::map).optional();
    }

    NodePoolView spare() {
        return jdbc.sql(SELECT + " WHERE p.is_spare = TRUE ORDER BY p.id LIMIT 1").query(NodePools::map).single();
    }

    List<NodePoolView> all() {
        return jdbc.sql(SELECT + " ORDER BY p.id").query(NodePools::map).list();
    }

    boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM node_pools WHERE name = ? AND id <> ?").params(name, exceptId)
                .query(Long.class).single() > 0;
    }

    /** The pool other than {@code exceptId} whose name derives this slug, if any. */
    Optional<String> slugHolder(String slug, long exceptId) {
        return jdbc.sql("SELECT name FROM node_pools WHERE slug = ? AND id <> ?").params(slug, exceptId).query(String.class)
                .optional();
    }

    PageResult<NodePoolView> page(Long tenantId, String name, Optional<String> scope, PageQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        scope.ifPresent(conditions::add);
        if (tenantId != null) {
            conditions.add("p.tenant_id = ?");
            params.add(tenantId);
        }
        if (name != null && !name.isBlank()) {
            conditions.add("p.name LIKE ?");
            params.add(Like.contains(name));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT COUNT(*) FROM node_pools p" + where).params(params).query(Long.class).single();
        List<NodePoolView> items = jdbc.sql(SELECT + where + query.orderBy(SORTABLE, "p.id") + query.limitOffset())
                .params(params).query(NodePools::map).list();
        return PageResult.of(items, total, query);
    }

    long insert(String name, Long tenantId, String description, Long credentialId, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO node_pools (name, slug, tenant_id, description, credential_id, is_spare, is_locked, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, FALSE, FALSE, ?, ?)""")
                .params(name, Slug.of(name), tenantId, description, credentialId, DbTime.toDb(at), by).update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, String name, Long tenantId, String description, Long credentialId, ExpectedVersion expected,
                Instant at, String by) {
        VersionedUpdate.update(jdbc, "node_pools", id, expected, "Node pool " + id,
                "name = ?, slug = ?, tenant_id = ?, description = ?, credential_id = ?, updated_at = ?, updated_by = ?",
                name, Slug.of(name), tenantId, description, credentialId, DbTime.toDb(at), by);
    }

    void setLock(long id, LockState lock, Instant at, String by) {
        jdbc.sql("""
                UPDATE node_pools SET is_locked = ?, locked_by = ?, locked_at = ?, lock_reason = ?, updated_at = ?, updated_by = ?
                WHERE id = ?""")
                .params(lock.locked(), lock.lockedBy(), DbTime.toDb(lock.lockedAt()), lock.lockReason(),
                        DbTime.toDb(at), by, id)
                .update();
    }

    void delete(long id) {
        // Its variables go with it: the rows name their owner without a foreign key (V46).
        jdbc.sql("DELETE FROM inventory_vars WHERE owner_kind = 'POOL' AND owner_id = ?").param(id).update();
        jdbc.sql("DELETE FROM node_pools WHERE id = ?").param(id).update();
    }

    private static NodePoolView map(ResultSet rs, int row) throws SQLException {
        return new NodePoolView(rs.getLong("id"), rs.getString("name"), Rows.slug(rs, ""), Rows.nullableLong(rs, "tenant_id"),
                rs.getString("tenant_name"), rs.getString("description"), rs.getBoolean("is_spare"),
                Rows.nullableLong(rs, "credential_id"), rs.getLong("node_count"), Map.of(), null,
                Rows.lock(rs, ""), Rows.stamp(rs, ""));
    }
}
