package io.devops.platform.agentgateway;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.inventory.TargetTenants;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Audit events about nodes' agents, recorded in the nodes' tenant: a tenant's users read what was
 * done to their nodes' agents (enrolled, replaced, revoked, commands), never another tenant's.
 * Events spanning tenants or about the spare pool stay the operations team's.
 */
@Component
class NodeAudit {

    private final AuditTrail audit;
    private final TargetTenants tenants;

    NodeAudit(AuditTrail audit, TargetTenants tenants) {
        this.audit = audit;
        this.tenants = tenants;
    }

    void record(long nodeId, String action, String entityType, Object entityId, String summary, Object before, Object after) {
        record(List.of(nodeId), action, entityType, entityId, summary, before, after);
    }

    void record(Collection<Long> nodeIds, String action, String entityType, Object entityId, String summary, Object before,
                Object after) {
        audit.recordInTenant(tenants.of(nodeIds, List.of()).single(), action, entityType, entityId, summary, before, after);
    }
}
