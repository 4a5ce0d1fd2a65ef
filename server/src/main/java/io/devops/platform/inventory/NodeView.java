package io.devops.platform.inventory;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.Map;

/** A GPU server as the inventory knows it. */
record NodeView(long id, String ip, String hostname, String nodeType, String gpuType, Integer gpuCount,
                int sshPort, String sshUser, long nodePoolId, String nodePoolName, Long tenantId, Instant registeredAt,
                Map<String, String> labels, @JsonUnwrapped LockState lock, @JsonUnwrapped AuditStamp audit) {

    NodeView withLabels(Map<String, String> newLabels) {
        return new NodeView(id, ip, hostname, nodeType, gpuType, gpuCount, sshPort, sshUser, nodePoolId, nodePoolName,
                tenantId, registeredAt, newLabels, lock, audit);
    }
}
