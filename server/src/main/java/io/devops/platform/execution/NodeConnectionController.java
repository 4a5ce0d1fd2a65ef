package io.devops.platform.execution;

import io.devops.platform.execution.dispatch.ConnectionCheck;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.inventory.NodeTargets;
import io.devops.platform.inventory.NodeTargets.TargetNode;
import io.devops.platform.shared.NotFoundException;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/nodes/{id}/test-connection} (the operations team): can the platform reach the
 * node over SSH and become root there, as a run would? Locks do not stop it: it changes nothing on the node.
 */
@RestController
class NodeConnectionController {

    private final NodeTargets targets;
    private final ConnectionCheck check;

    NodeConnectionController(NodeTargets targets, ConnectionCheck check) {
        this.targets = targets;
        this.check = check;
    }

    @PostMapping("/api/v1/nodes/{id}/test-connection")
    ConnectionCheck.Result test(@PathVariable long id) {
        TargetNode node = targets.resolve(List.of(id), List.of()).nodes().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Node", id));
        return check.check(new RunNode(node.id(), node.ip(), node.hostname(), node.sshPort(), node.sshUser(), node.nodePoolId(),
                node.nodePoolName(), node.nodeCredentialId(), node.poolCredentialId()));
    }
}
