package io.devops.platform.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How far the current actor reaches: the operations team (and the platform itself) reach every
 * tenant and what belongs to none (the spare pool, jobs spanning tenants); a tenant user reaches
 * only its tenants, with a role in each. Writes need OPERATOR in the tenant of what they change.
 */
public record TenantScope(boolean global, Map<Long, Role> tenants) {

    private static final TenantScope GLOBAL = new TenantScope(true, Map.of());

    public TenantScope {
        tenants = Map.copyOf(tenants);
    }

    public static TenantScope everything() {
        return GLOBAL;
    }

    public static TenantScope of(Map<Long, Role> tenants) {
        return new TenantScope(false, tenants);
    }

    /** Whether something of this tenant (null: of none) may be seen. */
    public boolean sees(Long tenantId) {
        return global || (tenantId != null && tenants.containsKey(tenantId));
    }

    /** Whether something of this tenant may be changed, as far as the tenant decides (URL rules decide the rest). */
    public boolean operates(Long tenantId) {
        return global || (tenantId != null && tenants.get(tenantId) == Role.OPERATOR);
    }

    /** Whether everything of all these tenants may be seen; an empty collection belongs to nobody's tenant. */
    public boolean seesAll(Collection<Long> tenantIds) {
        return global || (!tenantIds.isEmpty() && tenantIds.stream().allMatch(this::sees));
    }

    public boolean operatesAll(Collection<Long> tenantIds) {
        return global || (!tenantIds.isEmpty() && tenantIds.stream().allMatch(this::operates));
    }

    /** The tenants a non-global scope sees, sorted (for SQL {@code IN} lists); meaningless when global. */
    public Set<Long> tenantIds() {
        return new TreeSet<>(tenants.keySet());
    }

    /**
     * The seen tenant ids as SQL literals for {@code tenant_id IN (...)} (longs only, nothing typed by
     * a user); {@code NULL}, which matches nothing, when there are none.
     */
    public String tenantIdLiterals() {
        return tenants.isEmpty() ? "NULL" : String.join(",", tenantIds().stream().map(String::valueOf).toList());
    }
}
