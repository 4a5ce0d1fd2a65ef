package io.devops.platform.execution;

import io.devops.platform.execution.run.RunRecord;
import io.devops.platform.execution.run.Runs;
import io.devops.platform.identity.TenantScope;
import io.devops.platform.identity.TenantScopes;
import io.devops.platform.inventory.NodeTargets.TargetNode;
import io.devops.platform.inventory.TargetTenants;
import io.devops.platform.shared.NotFoundException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The execution module's one place for tenant scoping. A run belongs to the tenant of all the nodes
 * it was started on ({@code runs.tenant_id}, fixed when it is created); a run on nodes of several
 * tenants or of the spare pool is the operations team's alone. Everything read through a run (its
 * detail, events, log, reports, judgements) goes through {@link #visible}: another tenant's run is
 * a 404, the same answer as a run that never existed.
 */
@Component
class RunAccess {

    private final TenantScopes scopes;
    private final Runs runs;
    private final TargetTenants owners;
    private final JdbcClient jdbc;

    RunAccess(TenantScopes scopes, Runs runs, TargetTenants owners, JdbcClient jdbc) {
        this.scopes = scopes;
        this.runs = runs;
        this.owners = owners;
        this.jdbc = jdbc;
    }

    RunRecord visible(long runId) {
        RunRecord run = existing(runId);
        scopes.requireVisible(tenantOf(runId), "Run", runId);
        return run;
    }

    /** Visible and operable: one read of the run's tenant ({@code requireOperable} checks visibility first). */
    void requireOperable(long runId) {
        existing(runId);
        scopes.requireOperable(tenantOf(runId), "Run", runId);
    }

    private RunRecord existing(long runId) {
        return runs.get(runId).orElseThrow(() -> new NotFoundException("Run", runId));
    }

    Optional<String> listCondition() {
        TenantScope scope = scopes.current();
        return scope.global() ? Optional.empty() : Optional.of("r.tenant_id IN (" + scope.tenantIdLiterals() + ")");
    }

    /**
     * The tenant a run on these nodes belongs to, once the caller is checked to operate all of them:
     * a tenant user may run only on nodes of tenants it operates (what it cannot see reads as a
     * missing {@code kind} {@code id}: the job or run it started from).
     */
    Long tenantToStart(Collection<TargetNode> nodes, String kind, Object id) {
        var owner = owners.of(nodes.stream().map(TargetNode::id).toList(), List.of());
        TenantScope scope = scopes.current();
        if (!scope.global()) {
            if (owner.unowned() || !scope.seesAll(owner.tenantIds())) {
                throw new NotFoundException(kind, id);
            }
            owner.tenantIds().forEach(tenant -> scopes.requireOperable(tenant, kind, id));
        }
        return owner.single();
    }

    void assign(long runId, Long tenantId) {
        jdbc.sql("UPDATE runs SET tenant_id = ? WHERE id = ?").params(tenantId, runId).update();
    }

    Long tenantOf(long runId) {
        return jdbc.sql("SELECT tenant_id FROM runs WHERE id = ?").param(runId)
                .query((rs, row) -> rs.getObject("tenant_id") == null ? null : rs.getLong("tenant_id"))
                .optional().orElse(null);
    }
}
