package io.devops.platform.health;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public API: health policies by name, for catalog as code. Reads each policy's newest version and
 * saves a spec as a new version (or a new policy) through the same checks, version rule and audit
 * as the API.
 */
@Service
@Transactional
public class HealthPoliciesAsCode {

    /** A policy's newest version. */
    public record Current(HealthPolicySpec spec, int version) {
    }

    private final HealthPolicyStore store;
    private final HealthPolicyCatalog catalog;
    private final HealthPolicyChecks checks;

    HealthPoliciesAsCode(HealthPolicyStore store, HealthPolicyCatalog catalog, HealthPolicyChecks checks) {
        this.store = store;
        this.catalog = catalog;
        this.checks = checks;
    }

    @Transactional(readOnly = true)
    public List<Current> policies() {
        return store.heads().stream().map(head -> new Current(store.version(head.id(), head.latestVersion()).orElseThrow()
                .spec(), head.latestVersion())).toList();
    }

    /** @return the version saved (the newest unchanged when {@code spec} equals it) */
    public int save(HealthPolicySpec spec) {
        HealthPolicySpec checked = checks.check(request(spec));
        return store.byName(checked.name()).map(head -> catalog.update(head.id(), checked))
                .orElseGet(() -> catalog.create(checked)).version();
    }

    private static HealthPolicyRequest request(HealthPolicySpec spec) {
        return new HealthPolicyRequest(spec.name(), spec.rules().stream().map(HealthPolicyRequest::of).toList(),
                new HealthPolicyRequest.Limits(spec.limits().maxNodesPerPool(), spec.limits().maxPercentPerPool(),
                        spec.limits().maxPerHour()), spec.dryRun(), spec.reacceptanceChecks());
    }
}
