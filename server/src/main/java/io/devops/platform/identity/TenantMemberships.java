package io.devops.platform.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tenants a tenant user belongs to, with its role in each ({@code user_tenant_roles}). */
@Repository
class TenantMemberships {

    private final JdbcClient jdbc;

    TenantMemberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, Role> ofUser(long userId) {
        return collect(jdbc.sql("SELECT tenant_id, role FROM user_tenant_roles WHERE user_id = ? ORDER BY tenant_id")
                .param(userId).query((rs, row) -> Map.entry(rs.getLong("tenant_id"), Role.valueOf(rs.getString("role")))).list());
    }

    /** Only for enabled users: a disabled account reaches nothing. */
    Map<Long, Role> ofUsername(String username) {
        return collect(jdbc.sql("""
                SELECT m.tenant_id, m.role FROM user_tenant_roles m JOIN users u ON u.id = m.user_id
                WHERE LOWER(u.username) = LOWER(?) AND u.enabled = TRUE ORDER BY m.tenant_id""")
                .param(username).query((rs, row) -> Map.entry(rs.getLong("tenant_id"), Role.valueOf(rs.getString("role")))).list());
    }

    void replace(long userId, Map<Long, Role> memberships) {
        jdbc.sql("DELETE FROM user_tenant_roles WHERE user_id = ?").param(userId).update();
        memberships.forEach((tenantId, role) -> jdbc.sql("INSERT INTO user_tenant_roles (user_id, tenant_id, role) VALUES (?, ?, ?)")
                .params(userId, tenantId, role.name()).update());
    }

    private static Map<Long, Role> collect(List<Map.Entry<Long, Role>> rows) {
        Map<Long, Role> result = new LinkedHashMap<>();
        rows.forEach(row -> result.put(row.getKey(), row.getValue()));
        return result;
    }
}
