package io.devops.platform.job;

import io.devops.platform.identity.TenantScope;
import io.devops.platform.identity.TenantScopes;
import io.devops.platform.inventory.TargetTenants;
import io.devops.platform.job.JobVersion.JobItem;
import io.devops.platform.job.JobVersion.Target;
import io.devops.platform.job.JobVersion.TargetType;
import io.devops.platform.job.Jobs.NewVersion;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The job module's one place for tenant scoping. A job belongs to a tenant when every target of its
 * latest version lies in that tenant (stored in {@code jobs.tenant_id} with each version); a job
 * whose targets span tenants or include the spare pool belongs to the operations team alone.
 * Another tenant's job answers 404; a tenant user's targets in other tenants read as missing.
 */
@Component
class JobAccess {

    private final TenantScopes scopes;
    private final Jobs jobs;
    private final TargetTenants owners;

    JobAccess(TenantScopes scopes, Jobs jobs, TargetTenants owners) {
        this.scopes = scopes;
        this.jobs = jobs;
        this.owners = owners;
    }

    Optional<String> listCondition() {
        TenantScope scope = scopes.current();
        return scope.global() ? Optional.empty() : Optional.of("j.tenant_id IN (" + scope.tenantIdLiterals() + ")");
    }

    boolean isVisible(long jobId) {
        return scopes.current().sees(jobs.tenantOf(jobId).orElse(null));
    }

    void requireVisible(long jobId) {
        scopes.requireVisible(jobs.tenantOf(jobId).orElse(null), "Job", jobId);
    }

    void requireOperable(long jobId) {
        scopes.requireOperable(jobs.tenantOf(jobId).orElse(null), "Job", jobId);
    }

    /**
     * The tenant a version with these targets belongs to (null: the operations team's), after
     * checking the caller may put a job there: a tenant user names only its own tenants' nodes and
     * pools (others are "does not exist"), in one tenant it operates.
     */
    Long tenantFor(NewVersion draft) {
        TenantScope scope = scopes.current();
        List<InputError> hidden = new ArrayList<>();
        List<Long> nodes = new ArrayList<>();
        List<Long> pools = new ArrayList<>();
        for (JobItem item : draft.items()) {
            for (Target target : item.targets()) {
                boolean node = target.type() == TargetType.NODE;
                (node ? nodes : pools).add(target.id());
                var owner = node ? owners.of(List.of(target.id()), List.of()) : owners.of(List.of(), List.of(target.id()));
                boolean known = owner.unowned() || !owner.tenantIds().isEmpty();
                if (known && !scope.seesAll(owner.unowned() ? Set.of() : owner.tenantIds())) {
                    hidden.add(new InputError("items[" + (item.sequence() - 1) + "].targets",
                            (node ? "node " : "node pool ") + target.id() + " does not exist"));
                }
            }
        }
        if (!hidden.isEmpty()) {
            throw new InvalidInputException(hidden.get(0).field() + ": " + hidden.get(0).message(), hidden);
        }
        var all = owners.of(nodes, pools);
        Long tenant = all.single();
        if (!scope.global() && (all.unowned() || all.tenantIds().size() > 1)) {
            throw new InvalidInputException("items", "a tenant user's job targets the nodes of one tenant; these span several");
        }
        if (tenant != null) {
            scopes.requireOperable(tenant, "Tenant", tenant);
        }
        return tenant;
    }
}
