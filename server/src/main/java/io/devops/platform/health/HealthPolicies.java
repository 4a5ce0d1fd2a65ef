package io.devops.platform.health;

/** Public API: the health policy in force for a node's pool (the pool's override, else the fleet's default). */
public interface HealthPolicies {

    HealthPolicyVersion forPool(Long poolId);

    /** A stored version, for decisions recorded under it. */
    HealthPolicyVersion version(long policyId, int version);
}
