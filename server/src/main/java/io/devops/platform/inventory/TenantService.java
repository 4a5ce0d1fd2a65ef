package io.devops.platform.inventory;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.DisplayName;
import io.devops.platform.shared.ExpectedVersion;
import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import io.devops.platform.shared.Slug;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class TenantService {

    private final Tenants tenants;
    private final AuditTrail audit;
    private final Clock clock;
    private final InventoryAccess access;

    TenantService(Tenants tenants, AuditTrail audit, Clock clock, InventoryAccess access) {
        this.tenants = tenants;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    TenantView get(long id) {
        access.requireVisible(id, "Tenant", id);
        return tenants.byId(id).orElseThrow(() -> new NotFoundException("Tenant", id));
    }

    @Transactional(readOnly = true)
    PageResult<TenantView> page(String name, PageQuery query) {
        return tenants.page(name, access.tenantCondition("t.id"), query);
    }

    TenantView create(String requestedName, String description) {
        String name = requireFreeName(DisplayName.check("name", requestedName), 0);
        long id = tenants.insert(name, description, clock.instant(), CurrentActor.name());
        TenantView created = get(id);
        audit.recordInTenant(id, "tenant.created", "tenant", id, "Created tenant " + name, null, created);
        return created;
    }

    TenantView update(long id, String requestedName, String description, ExpectedVersion expected) {
        TenantView before = get(id);
        String name = requireFreeName(DisplayName.check("name", requestedName), id);
        tenants.update(id, name, description, expected, clock.instant(), CurrentActor.name());
        TenantView after = get(id);
        audit.recordInTenant(id, "tenant.updated", "tenant", id, "Changed tenant " + name, before, after);
        return after;
    }

    void delete(long id) {
        TenantView tenant = get(id);
        List<String> pools = tenants.poolNames(id);
        if (!pools.isEmpty()) {
            throw new ConflictException("Tenant " + tenant.name() + " still owns " + pools.size() + " node pool(s) ("
                    + String.join(", ", pools.subList(0, Math.min(5, pools.size())))
                    + (pools.size() > 5 ? ", …" : "") + "); delete them or give them to another tenant first");
        }
        tenants.delete(id);
        audit.recordInTenant(id, "tenant.deleted", "tenant", id, "Deleted tenant " + tenant.name(), tenant, null);
    }

    private String requireFreeName(String name, long exceptId) {
        if (tenants.nameTaken(name, exceptId)) {
            throw DisplayName.duplicate("tenant", name);
        }
        String slug = Slug.of(name);
        tenants.slugHolder(slug, exceptId).ifPresent(other -> {
            throw DisplayName.duplicateSlug("tenant", name, slug, other);
        });
        return name;
    }
}
