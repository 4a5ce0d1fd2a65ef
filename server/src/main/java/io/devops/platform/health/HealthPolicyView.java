package io.devops.platform.health;

import java.time.Instant;
import java.util.List;

/**
 * One version of a policy as the API answers it: the request's shape plus who made the version and
 * when, the newest version's number, whether it is the fleet's default and which pools chose it.
 */
record HealthPolicyView(long id, String name, int version, int latestVersion, boolean fleetDefault,
                        List<HealthPolicyRequest.Rule> rules, HealthLimits limits, boolean dryRun,
                        List<String> reacceptanceChecks, List<Long> pools, Instant createdAt, String createdBy) {

    static HealthPolicyView of(HealthPolicyStore.Head head, HealthPolicyStore.Stored stored, List<Long> pools) {
        HealthPolicySpec spec = stored.spec();
        return new HealthPolicyView(head.id(), head.name(), stored.version(), head.latestVersion(),
                BuiltinHealthPolicy.NAME.equals(head.name()), spec.rules().stream().map(HealthPolicyRequest::of).toList(),
                spec.limits(), spec.dryRun(), spec.reacceptanceChecks(), pools, stored.createdAt(), stored.createdBy());
    }
}
