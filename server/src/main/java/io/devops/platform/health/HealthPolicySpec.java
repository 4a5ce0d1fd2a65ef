package io.devops.platform.health;

import java.util.List;

/**
 * Public API: a health policy's content by name, as one version stores it and as catalog as code
 * exports and imports it (see {@link HealthPoliciesAsCode}).
 */
public record HealthPolicySpec(String name, List<HealthRule> rules, HealthLimits limits, boolean dryRun,
                               List<String> reacceptanceChecks) {

    public HealthPolicySpec {
        rules = List.copyOf(rules);
        reacceptanceChecks = List.copyOf(reacceptanceChecks);
    }

    HealthPolicyVersion at(long policyId, int version) {
        return new HealthPolicyVersion(policyId, name, version, rules, limits, dryRun, reacceptanceChecks);
    }
}
