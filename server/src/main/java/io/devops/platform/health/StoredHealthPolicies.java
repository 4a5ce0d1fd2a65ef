package io.devops.platform.health;

import io.devops.platform.shared.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The policy in force: a pool's own choice, else the fleet's default (the policy named "default"), at its newest version. */
@Component
@Transactional(readOnly = true)
class StoredHealthPolicies implements HealthPolicies {

    private final HealthPolicyStore store;
    private final BuiltinPolicySeeder seeder;

    StoredHealthPolicies(HealthPolicyStore store, BuiltinPolicySeeder seeder) {
        this.store = store;
        this.seeder = seeder;
    }

    @Override
    public HealthPolicyVersion forPool(Long poolId) {
        HealthPolicyStore.Head head = (poolId == null ? java.util.Optional.<Long>empty() : store.poolPolicy(poolId))
                .flatMap(store::head)
                .or(() -> store.byName(BuiltinHealthPolicy.NAME))
                .or(() -> {
                    seeder.ensureStored(); // asked before the startup runner stored it
                    return store.byName(BuiltinHealthPolicy.NAME);
                })
                .orElseThrow(() -> new IllegalStateException("the fleet's default health policy is missing"));
        return version(head.id(), head.latestVersion());
    }

    @Override
    public HealthPolicyVersion version(long policyId, int version) {
        return store.version(policyId, version).map(stored -> stored.spec().at(policyId, version))
                .orElseThrow(() -> new NotFoundException("Health policy version", policyId + " v" + version));
    }
}
