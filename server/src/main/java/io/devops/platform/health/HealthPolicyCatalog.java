package io.devops.platform.health;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.DisplayName;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Health policies as catalog data: created, given new versions (never changed in place: decisions
 * name the version they were made under) and read, every change audited. A new version that is the
 * same as the newest makes none.
 */
@Service
@Transactional
class HealthPolicyCatalog {

    private final HealthPolicyStore store;
    private final AuditTrail audit;
    private final Clock clock;

    HealthPolicyCatalog(HealthPolicyStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<HealthPolicyView> list() {
        return store.heads().stream().map(head -> view(head, head.latestVersion())).toList();
    }

    @Transactional(readOnly = true)
    HealthPolicyView get(long id) {
        HealthPolicyStore.Head head = head(id);
        return view(head, head.latestVersion());
    }

    @Transactional(readOnly = true)
    List<HealthPolicyView> versions(long id) {
        HealthPolicyStore.Head head = head(id);
        return store.versionNumbers(id).stream().map(version -> view(head, version)).toList();
    }

    @Transactional(readOnly = true)
    HealthPolicyView version(long id, int version) {
        return view(head(id), version);
    }

    HealthPolicyView create(HealthPolicySpec spec) {
        if (store.byName(spec.name()).isPresent()) {
            throw DisplayName.duplicate("health policy", spec.name());
        }
        long id;
        try {
            id = store.insert(spec, clock.instant(), CurrentActor.name());
        } catch (DuplicateKeyException raced) {
            throw DisplayName.duplicate("health policy", spec.name());
        }
        audit.record("health_policy.created", "health_policy", id, "Created health policy " + spec.name() + " version 1",
                null, spec);
        return get(id);
    }

    /** @return the newest version afterwards: a new one, or the newest as it was when {@code spec} is the same */
    HealthPolicyView update(long id, HealthPolicySpec spec) {
        HealthPolicyStore.Head head = store.lock(id).orElseThrow(() -> new NotFoundException("Health policy", id));
        if (!head.name().equals(spec.name())) {
            throw new InvalidInputException("name", "a health policy keeps its name (" + head.name()
                    + "); create a new policy for another name");
        }
        HealthPolicySpec newest = stored(id, head.latestVersion()).spec();
        if (newest.equals(spec)) {
            return get(id);
        }
        int version = head.latestVersion() + 1;
        store.addVersion(id, version, spec, clock.instant(), CurrentActor.name());
        audit.record("health_policy.versioned", "health_policy", id, "Health policy " + spec.name() + " version " + version,
                newest, spec);
        return get(id);
    }

    /** Sets a pool's own policy, or (null) lets it follow the fleet's default. */
    void choose(long poolId, Long policyId) {
        store.pool(poolId).orElseThrow(() -> new NotFoundException("Node pool", poolId));
        if (policyId != null) {
            head(policyId);
        }
        Long before = store.poolPolicy(poolId).orElse(null);
        store.setPoolPolicy(poolId, policyId);
        audit.record("node_pool.health_policy", "node_pool", poolId, policyId == null
                ? "Node pool " + poolId + " follows the fleet's default health policy"
                : "Node pool " + poolId + " uses health policy " + policyId, before, policyId);
    }

    private HealthPolicyStore.Head head(long id) {
        return store.head(id).orElseThrow(() -> new NotFoundException("Health policy", id));
    }

    private HealthPolicyStore.Stored stored(long id, int version) {
        return store.version(id, version).orElseThrow(() -> new NotFoundException("Health policy version",
                id + " v" + version));
    }

    private HealthPolicyView view(HealthPolicyStore.Head head, int version) {
        return HealthPolicyView.of(head, stored(head.id(), version), store.poolsUsing(head.id()));
    }
}
