package io.devops.platform.health;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Public API: one stored version of a health policy, as decisions use it. {@code reacceptanceChecks}
 * are the acceptance checks a repaired node must pass before it is READY again. A {@code dryRun}
 * policy records what it would have done and changes nothing.
 */
public record HealthPolicyVersion(long policyId, String name, int version, List<HealthRule> rules, HealthLimits limits,
                                  boolean dryRun, List<String> reacceptanceChecks) {

    public HealthPolicyVersion {
        rules = List.copyOf(rules);
        reacceptanceChecks = List.copyOf(reacceptanceChecks);
    }

    /** The rule for a condition: an exact code first, else the component's {@code "*"} rule. */
    public Optional<HealthRule> ruleFor(String component, String code) {
        return rules.stream().filter(rule -> rule.matches(component, code))
                .min(Comparator.comparing(rule -> "*".equals(rule.code())));
    }

    /** How decisions and audits name it, e.g. {@code policy:default@v3}. */
    public String actor() {
        return "policy:" + name + "@v" + version;
    }
}
