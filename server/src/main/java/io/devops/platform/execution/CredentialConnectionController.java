package io.devops.platform.execution;

import io.devops.platform.credentials.CredentialVault;
import io.devops.platform.execution.dispatch.ConnectionCheck;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.inventory.NodeTargets;
import io.devops.platform.inventory.NodeTargets.TargetNode;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/credentials/{id}/test} {@code {"nodeId":5}} (the operations team, as every
 * credentials call): can this credential, not the node's own, sign in to that node over SSH and
 * become root? The check signs in as the credential's user with its key and become password, as a
 * run would once the credential is the node's; it changes nothing on the node or in the inventory
 * (a host key seen for the first time is recorded, as any first contact records it).
 */
@RestController
class CredentialConnectionController {

    private final CredentialVault vault;
    private final NodeTargets targets;
    private final ConnectionCheck check;

    CredentialConnectionController(CredentialVault vault, NodeTargets targets, ConnectionCheck check) {
        this.vault = vault;
        this.targets = targets;
        this.check = check;
    }

    record TestRequest(Long nodeId) {
    }

    @PostMapping("/api/v1/credentials/{id}/test")
    ConnectionCheck.Result test(@PathVariable long id, @RequestBody TestRequest request) {
        if (request == null || request.nodeId() == null) {
            throw new InvalidInputException("nodeId", "is required: the node to try the credential on");
        }
        if (!vault.exists(id)) {
            throw new NotFoundException("Credential", id);
        }
        TargetNode node = targets.resolve(List.of(request.nodeId()), List.of()).nodes().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Node", request.nodeId()));
        // The credential under test stands in for the node's and its pool's, and its own user signs in.
        return check.check(new RunNode(node.id(), node.ip(), node.hostname(), node.sshPort(), null, node.nodePoolId(),
                node.nodePoolName(), id, null));
    }
}
