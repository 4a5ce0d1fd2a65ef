package io.devops.platform.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** The JSON bodies of the inventory calls; lengths are checked here, meaning in the services. */
final class NodeRequests {

    private NodeRequests() {
    }

    record NodeRequest(@NotBlank @Size(max = 45) String ip, @Size(max = 253) String hostname, Integer sshPort,
                       @Size(max = 64) String sshUser, @Size(max = 32) String nodeType, @Size(max = 64) String gpuType,
                       Integer gpuCount, Long nodePoolId, @Size(max = 64) String nodePool,
                       @Size(max = LabelRules.MAX_LABELS) Map<@Size(max = 63) String, @Size(max = 63) String> labels,
                       Long credentialId, Long version) {

        NodeDraft draft() {
            return new NodeDraft(ip, hostname, nodeType, gpuType, gpuCount, sshPort, sshUser, nodePoolId, nodePool, labels,
                    credentialId);
        }
    }

    /** Either CSV text or a list of nodes; {@code updateExisting} true: a line with a known IP updates that node. */
    record ImportRequest(String csv, @Valid @Size(max = 20_000) List<NodeRequest> nodes, Boolean updateExisting) {
    }

    record LockRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record UnlockRequest(@Size(max = 500) String reason) {
    }

    record MoveRequest(@NotEmpty @Size(max = NodeMoves.MAX_NODES_PER_MOVE) List<Long> nodeIds, @Size(max = 500) String reason) {
    }

    record PoolRequest(String name, Long tenantId, @Size(max = 500) String description,
                       Long credentialId,
                       @Size(max = LabelRules.MAX_LABELS) Map<@Size(max = 63) String, @Size(max = 63) String> labels,
                       @JsonProperty("spec") PoolManifest manifest, Long version) {

        NodePoolService.PoolSpec spec() {
            return new NodePoolService.PoolSpec(name, tenantId, description, credentialId, labels, manifest);
        }
    }

    record LabelRequest(@NotBlank @Size(max = 63) String key, @NotBlank @Size(max = 63) String value,
                        @Size(max = 500) String description, Long version) {
    }
}
