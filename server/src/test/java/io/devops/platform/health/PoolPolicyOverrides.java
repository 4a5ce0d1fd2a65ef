package io.devops.platform.health;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The tests' seam for the policy in force: a test gives its own pool a policy of its own (dry run,
 * tight limits); every other pool gets what the server's own {@link HealthPolicies} says. A
 * component of the one shared test context, so that no test needs a context of its own. When
 * stored policies can be put per pool through the API, the tests can set them there instead.
 */
@Component
@Primary
class PoolPolicyOverrides implements HealthPolicies {

    private final Map<Long, HealthPolicyVersion> byPool = new ConcurrentHashMap<>();
    private final ObjectProvider<HealthPolicies> all;

    PoolPolicyOverrides(ObjectProvider<HealthPolicies> all) {
        this.all = all;
    }

    void set(long poolId, HealthPolicyVersion policy) {
        byPool.put(poolId, policy);
    }

    @Override
    public HealthPolicyVersion forPool(Long poolId) {
        HealthPolicyVersion override = poolId == null ? null : byPool.get(poolId);
        return override != null ? override : server().forPool(poolId);
    }

    @Override
    public HealthPolicyVersion version(long policyId, int version) {
        return byPool.values().stream().filter(p -> p.policyId() == policyId && p.version() == version).findFirst()
                .orElseGet(() -> server().version(policyId, version));
    }

    private HealthPolicies server() {
        return all.stream().filter(policies -> policies != this).findFirst().orElseThrow();
    }
}
