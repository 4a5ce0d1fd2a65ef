package io.devops.platform.identity;

import io.devops.platform.shared.Versioned;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A user as the API shows it: a global {@code role}, or none and the tenants it belongs to. */
record UserView(long id, String username, String displayName, Role role, List<TenantRole> tenantRoles, boolean enabled,
                Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) implements Versioned {

    static UserView of(UserAccount account, Map<Long, Role> memberships) {
        List<TenantRole> tenantRoles = memberships.entrySet().stream()
                .map(entry -> new TenantRole(entry.getKey(), entry.getValue())).sorted(Comparator.comparing(TenantRole::tenantId)).toList();
        return new UserView(account.id(), account.username(), account.displayName(), account.role(), tenantRoles,
                account.enabled(), account.createdAt(), account.createdBy(), account.updatedAt(), account.updatedBy(),
                account.version());
    }

    /** A membership: OPERATOR or VIEWER of one tenant. */
    record TenantRole(long tenantId, Role role) {
    }
}
