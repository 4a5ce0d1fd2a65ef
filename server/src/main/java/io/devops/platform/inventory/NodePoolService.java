package io.devops.platform.inventory;

import io.devops.platform.credentials.CredentialVault;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.DisplayName;
import io.devops.platform.shared.ExpectedVersion;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import io.devops.platform.shared.Slug;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

@Service
// Read committed: two changes using the same new label at once must each see the label row the
// other committed (Labels.ensure), also when the change reads it back for its answer.
@Transactional(isolation = Isolation.READ_COMMITTED)
class NodePoolService {

    private final NodePools pools;
    private final Tenants tenants;
    private final Labels labels;
    private final PoolManifests manifests;
    private final CredentialVault credentials;
    private final AuditTrail audit;
    private final Clock clock;

    private final InventoryAccess access;

    NodePoolService(NodePools pools, Tenants tenants, Labels labels, PoolManifests manifests, CredentialVault credentials,
                    AuditTrail audit, Clock clock, InventoryAccess access) {
        this.manifests = manifests;
        this.access = access;
        this.pools = pools;
        this.tenants = tenants;
        this.labels = labels;
        this.credentials = credentials;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    NodePoolView get(long id) {
        NodePoolView pool = pools.byId(id).orElseThrow(() -> new NotFoundException("Node pool", id));
        access.requireVisible(pool.tenantId(), "Node pool", id);
        return pool.withLabels(labels.ofPools(List.of(id)).getOrDefault(id, Map.of())).withSpec(manifests.of(id).orElse(null));
    }

    @Transactional(readOnly = true)
    PageResult<NodePoolView> page(Long tenantId, String name, PageQuery query) {
        PageResult<NodePoolView> page = pools.page(tenantId, name, access.poolCondition("p.id"), query);
        List<Long> ids = page.items().stream().map(NodePoolView::id).toList();
        var labelsByPool = labels.ofPools(ids);
        var specsByPool = manifests.ofPools(ids);
        return page.map(pool -> pool.withLabels(labelsByPool.getOrDefault(pool.id(), Map.of())).withSpec(specsByPool.get(pool.id())));
    }

    NodePoolView create(PoolSpec requested) {
        PoolSpec spec = check(requested, 0, false);
        Instant now = clock.instant();
        long id = pools.insert(spec.name(), spec.tenantId(), spec.description(), spec.credentialId(), now, CurrentActor.name());
        labels.replacePoolLabels(id, spec.labels(), now, CurrentActor.name());
        if (spec.manifest() != null) {
            manifests.put(id, spec.manifest());
        }
        NodePoolView created = get(id);
        audit.recordInTenant(created.tenantId(), "node-pool.created", "node-pool", id, "Created node pool " + spec.name(), null, created);
        return created;
    }

    NodePoolView update(long id, PoolSpec requested, ExpectedVersion expected) {
        NodePoolView before = get(id);
        if (before.spare() && !before.name().equals(requested.name())) {
            throw new ConflictException("The spare pool keeps its name '" + before.name() + "'");
        }
        if (before.spare() && requested.tenantId() != null) {
            throw new ConflictException("The spare pool belongs to no tenant");
        }
        PoolSpec spec = check(requested, id, before.spare());
        Instant now = clock.instant();
        pools.update(id, spec.name(), spec.tenantId(), spec.description(), spec.credentialId(), expected, now,
                CurrentActor.name());
        labels.replacePoolLabels(id, spec.labels(), now, CurrentActor.name());
        if (spec.manifest() != null) {
            manifests.put(id, spec.manifest());
        }
        NodePoolView after = get(id);
        audit.recordInTenant(after.tenantId(), "node-pool.updated", "node-pool", id, "Changed node pool " + after.name(), before, after);
        return after;
    }

    /** Declares what the pool's nodes must be ({@code null}: nothing); audited like any change of the pool. */
    NodePoolView putManifest(long id, PoolManifest manifest) {
        NodePoolView before = get(id);
        if (manifest != null) {
            manifest.requireValid();
        }
        manifests.put(id, manifest);
        NodePoolView after = get(id);
        audit.recordInTenant(after.tenantId(), "node-pool.spec-changed", "node-pool", id, "Changed the spec of node pool "
                + after.name(), before.spec(), after.spec());
        return after;
    }

    void delete(long id) {
        NodePoolView pool = get(id);
        if (pool.spare()) {
            throw new ConflictException("The spare pool cannot be deleted: unassigned nodes live there");
        }
        if (pool.lock().locked()) {
            throw new ConflictException(pool.lock().describe("Node pool " + pool.name()) + "; unlock it first");
        }
        if (pool.nodeCount() > 0) {
            throw new ConflictException("Node pool " + pool.name() + " still holds " + pool.nodeCount()
                    + " node(s); move them to another pool (or the spare pool) first");
        }
        pools.delete(id);
        audit.recordInTenant(pool.tenantId(), "node-pool.deleted", "node-pool", id, "Deleted node pool " + pool.name(), pool, null);
    }

    NodePoolView lock(long id, String reason) {
        NodePoolView before = get(id);
        access.requireOperable(before.tenantId(), "Node pool", id);
        if (before.lock().locked()) {
            throw new ConflictException(before.lock().describe("Node pool " + before.name()));
        }
        Instant now = clock.instant();
        pools.setLock(id, new LockState(true, CurrentActor.name(), now, reason), now, CurrentActor.name());
        NodePoolView after = get(id);
        audit.recordInTenant(after.tenantId(), "node-pool.locked", "node-pool", id, "Locked node pool " + after.name() + ": " + reason, before, after);
        return after;
    }

    NodePoolView unlock(long id, String reason) {
        NodePoolView before = get(id);
        access.requireOperable(before.tenantId(), "Node pool", id);
        if (!before.lock().locked()) {
            throw new ConflictException("Node pool " + before.name() + " is not locked");
        }
        Instant now = clock.instant();
        pools.setLock(id, LockState.UNLOCKED, now, CurrentActor.name());
        NodePoolView after = get(id);
        audit.recordInTenant(after.tenantId(), "node-pool.unlocked", "node-pool", id, "Unlocked node pool " + after.name()
                + (reason == null ? "" : ": " + reason), before, after);
        return after;
    }

    /** The spec with its name as stored, or the rule it breaks. */
    private PoolSpec check(PoolSpec requested, long exceptId, boolean spare) {
        PoolSpec spec = requested.named(DisplayName.check("name", requested.name()));
        if (spec.tenantId() == null && !spare) {
            throw new InvalidInputException("tenantId", "is required: every pool but the spare pool belongs to a tenant");
        }
        List<String> labelProblems = LabelRules.problems(spec.labels());
        if (!labelProblems.isEmpty()) {
            throw new InvalidInputException("labels", String.join("; ", labelProblems));
        }
        if (pools.nameTaken(spec.name(), exceptId)) {
            throw DisplayName.duplicate("node pool", spec.name());
        }
        String slug = Slug.of(spec.name());
        pools.slugHolder(slug, exceptId).ifPresent(other -> {
            throw DisplayName.duplicateSlug("node pool", spec.name(), slug, other);
        });
        if (spec.tenantId() != null && tenants.byId(spec.tenantId()).isEmpty()) {
            throw new NotFoundException("Tenant", spec.tenantId());
        }
        if (spec.manifest() != null) {
            spec.manifest().requireValid();
        }
        if (spec.credentialId() != null && !credentials.exists(spec.credentialId())) {
            throw new NotFoundException("Credential", spec.credentialId());
        }
        return spec;
    }

    /** What a pool is made of, as create and update take it; a null {@code manifest} keeps the pool's. */
    record PoolSpec(String name, Long tenantId, String description, Long credentialId, Map<String, String> labels,
                    PoolManifest manifest) {

        PoolSpec named(String storedName) {
            return new PoolSpec(storedName, tenantId, description, credentialId, labels, manifest);
        }
    }
}
