package io.devops.platform.inventory;

import io.devops.platform.identity.TenantDirectory;
import io.devops.platform.identity.TenantScope;
import io.devops.platform.identity.TenantScopes;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inventory's one place for tenant scoping: a tenant is seen by its members, a pool by the
 * members of its tenant (the spare pool, of none, only by the operations team), a node by those
 * who see its pool. Lists and counts add {@link #tenantCondition}/{@link #poolCondition}; single
 * objects go through {@link #requireVisible}/{@link #requireOperable}: another tenant's is a 404.
 */
@Component
class InventoryAccess implements TenantDirectory {

    private final TenantScopes scopes;
    private final JdbcClient jdbc;

    InventoryAccess(TenantScopes scopes, JdbcClient jdbc) {
        this.scopes = scopes;
        this.jdbc = jdbc;
    }

    TenantScope scope() {
        return scopes.current();
    }

    /** A condition on a column holding a tenant id, or none for the operations team. */
    Optional<String> tenantCondition(String tenantIdColumn) {
        TenantScope scope = scope();
        return scope.global() ? Optional.empty() : Optional.of(tenantIdColumn + " IN (" + scope.tenantIdLiterals() + ")");
    }

    /** A condition on a column holding a node pool id. */
    Optional<String> poolCondition(String poolIdColumn) {
        return tenantCondition("sp.tenant_id").map(inTenants ->
                poolIdColumn + " IN (SELECT sp.id FROM node_pools sp WHERE " + inTenants + ")");
    }

    void requireVisible(Long tenantId, String kind, Object id) {
        scopes.requireVisible(tenantId, kind, id);
    }

    void requireOperable(Long tenantId, String kind, Object id) {
        scopes.requireOperable(tenantId, kind, id);
    }

    @Override
    public boolean exists(long tenantId) {
        return jdbc.sql("SELECT COUNT(*) FROM tenants WHERE id = ?").param(tenantId).query(Long.class).single() > 0;
    }

    /** The tenant of a pool, for the audit trail; null for the spare pool or an unknown one. */
    Long tenantOfPool(long poolId) {
        return jdbc.sql("SELECT tenant_id FROM node_pools WHERE id = ?").param(poolId)
                .query((rs, row) -> Rows.nullableLong(rs, "tenant_id")).optional().orElse(null);
    }
}
