package io.devops.platform.inventory;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.devops.platform.inventory.NodeHostKeys.HostKey;
import io.devops.platform.shared.Versioned;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A GPU server as the inventory knows it. {@code agent} and {@code facts} come from the node's
 * agent; facts, the recorded SSH host key and the rest of the lifecycle's standing ({@code acceptance},
 * {@code deliveryOverride}) are only loaded for a single node; list pages carry the {@code lifecycle} state alone.
 */
record NodeView(long id, String ip, String hostname, String nodeType, String gpuType, Integer gpuCount,
                int sshPort, String sshUser, long nodePoolId, String nodePoolName, Long tenantId, Long credentialId,
                Instant registeredAt,
                Map<String, String> labels, AgentPresence agent, JsonNode facts, HostKey hostKey,
                @JsonUnwrapped LockState lock, @JsonUnwrapped AuditStamp audit,
                @JsonUnwrapped NodeStanding.Standing standing) implements Versioned {

    @Override
    public long version() {
        return audit.version();
    }

    NodeView withLabels(Map<String, String> newLabels) {
        return new NodeView(id, ip, hostname, nodeType, gpuType, gpuCount, sshPort, sshUser, nodePoolId, nodePoolName,
                tenantId, credentialId, registeredAt, newLabels, agent, facts, hostKey, lock, audit, standing);
    }

    NodeView withFacts(JsonNode newFacts) {
        return new NodeView(id, ip, hostname, nodeType, gpuType, gpuCount, sshPort, sshUser, nodePoolId, nodePoolName,
                tenantId, credentialId, registeredAt, labels, agent, newFacts, hostKey, lock, audit, standing);
    }

    NodeView withStanding(NodeStanding.Standing newStanding) {
        return new NodeView(id, ip, hostname, nodeType, gpuType, gpuCount, sshPort, sshUser, nodePoolId, nodePoolName,
                tenantId, credentialId, registeredAt, labels, agent, facts, hostKey, lock, audit, newStanding);
    }

    /** The key recorded first (ssh records the one key type it agreed with the node). */
    NodeView withHostKey(List<HostKey> recorded) {
        HostKey shown = recorded == null || recorded.isEmpty() ? null : recorded.get(0);
        return new NodeView(id, ip, hostname, nodeType, gpuType, gpuCount, sshPort, sshUser, nodePoolId, nodePoolName,
                tenantId, credentialId, registeredAt, labels, agent, facts, shown, lock, audit, standing);
    }
}
