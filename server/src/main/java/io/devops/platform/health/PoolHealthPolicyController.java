package io.devops.platform.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.devops.platform.identity.TenantAware;
import io.devops.platform.identity.TenantScopes;
import io.devops.platform.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A pool's choice of health policy: its own ({@code policyId}) or, with null, the fleet's default.
 * Both answers name the policy in force. A tenant user reads its tenants' pools only; writing is
 * ADMIN's (URL rules).
 */
@RestController
@RequestMapping("/api/v1/node-pools/{poolId}/health-policy")
class PoolHealthPolicyController {

    record Choice(Long policyId) {
    }

    /** {@code policyId}: the pool's own choice (null, always written: the default); {@code effective}: the version in force. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PoolPolicy(long poolId, Long policyId, Effective effective) {
    }

    record Effective(long id, String name, int version, boolean dryRun) {
    }

    private final HealthPolicyCatalog catalog;
    private final HealthPolicyStore store;
    private final HealthPolicies policies;
    private final TenantScopes scopes;

    PoolHealthPolicyController(HealthPolicyCatalog catalog, HealthPolicyStore store, HealthPolicies policies,
                               TenantScopes scopes) {
        this.catalog = catalog;
        this.store = store;
        this.policies = policies;
        this.scopes = scopes;
    }

    @GetMapping
    @TenantAware
    PoolPolicy get(@PathVariable long poolId) {
        HealthPolicyStore.PoolRef pool = store.pool(poolId).filter(p -> scopes.current().sees(p.tenantId()))
                .orElseThrow(() -> new NotFoundException("Node pool", poolId));
        HealthPolicyVersion version = policies.forPool(pool.id());
        return new PoolPolicy(poolId, store.poolPolicy(poolId).orElse(null),
                new Effective(version.policyId(), version.name(), version.version(), version.dryRun()));
    }

    @PutMapping
    PoolPolicy put(@PathVariable long poolId, @RequestBody Choice choice) {
        catalog.choose(poolId, choice == null ? null : choice.policyId());
        return get(poolId);
    }
}
