package io.devops.platform.inventory;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.devops.platform.shared.Versioned;
import java.util.Map;

/**
 * A node pool: a tenant's group of nodes (or the spare pool of unassigned ones); {@code slug} names
 * its inventory group ({@code pool_<slug>}).
 */
record NodePoolView(long id, String name, String slug, Long tenantId, String tenantName, String description, boolean spare,
                    Long credentialId, long nodeCount, Map<String, String> labels, PoolManifest spec,
                    @JsonUnwrapped LockState lock, @JsonUnwrapped AuditStamp audit) implements Versioned {

    @Override
    public long version() {
        return audit.version();
    }

    NodePoolView withLabels(Map<String, String> newLabels) {
        return new NodePoolView(id, name, slug, tenantId, tenantName, description, spare, credentialId, nodeCount,
                newLabels, spec, lock, audit);
    }

    NodePoolView withSpec(PoolManifest newSpec) {
        return new NodePoolView(id, name, slug, tenantId, tenantName, description, spare, credentialId, nodeCount,
                labels, newSpec, lock, audit);
    }
}
