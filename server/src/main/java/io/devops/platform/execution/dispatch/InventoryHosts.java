package io.devops.platform.execution.dispatch;

import io.devops.platform.ansible.PlaybookRun.InventoryHost;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.inventory.InventoryGroups;
import io.devops.platform.inventory.NodeHostKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How Ansible reaches and checks nodes now: each node's SSH user and key from its credential (read
 * afresh) and its recorded host keys. Used by the steps and by the playbooks around them (stopping a
 * step's processes, collecting its reports).
 */
@Component
public class InventoryHosts {

    private final SshAccess ssh;
    private final HostKeyRecords hostKeys;
    private final InventoryGroups groups;

    InventoryHosts(SshAccess ssh, HostKeyRecords hostKeys, InventoryGroups groups) {
        this.ssh = ssh;
        this.hostKeys = hostKeys;
        this.groups = groups;
    }

    /** The inventory entries of these nodes, in order. */
    public List<InventoryHost> of(List<RunNode> nodes) {
        return of(nodes, accesses(nodes), hostKeys.recorded(nodes));
    }

    /** Each node's credential, resolved (and decrypted) once, for both the inventory and the masking of a step. */
    Map<RunNode, SshAccess.Access> accesses(List<RunNode> nodes) {
        Map<RunNode, SshAccess.Access> accesses = new LinkedHashMap<>();
        nodes.forEach(node -> accesses.put(node, ssh.of(node)));
        return accesses;
    }

    /** As a step's playbook sees them: also in their pool's and tenant's groups, so that a play may target {@code pool_<slug>}. */
    List<InventoryHost> forPlaybook(List<RunNode> nodes, Map<RunNode, SshAccess.Access> accesses,
                                    Map<Long, List<NodeHostKeys.HostKey>> recorded) {
        return of(nodes, accesses, recorded, groups.ofPools(nodes.stream().map(RunNode::nodePoolId).toList()));
    }

    static List<InventoryHost> of(List<RunNode> nodes, Map<RunNode, SshAccess.Access> accesses,
                                  Map<Long, List<NodeHostKeys.HostKey>> recorded) {
        return of(nodes, accesses, recorded, Map.of());
    }

    static List<InventoryHost> of(List<RunNode> nodes, Map<RunNode, SshAccess.Access> accesses,
                                  Map<Long, List<NodeHostKeys.HostKey>> recorded, Map<Long, List<String>> groupsByPool) {
        return nodes.stream().map(node -> {
            SshAccess.Access access = accesses.get(node);
            String becomePassword = access.credential() == null ? null : access.credential().becomePassword();
            return new InventoryHost(node.ip(), node.ip(), node.sshPort(), access.user(), access.key(), becomePassword,
                    Map.of("devops_node_id", node.nodeId()), HostKeyRecords.forSsh(recorded.get(node.nodeId())),
                    groupsByPool.getOrDefault(node.nodePoolId(), List.of()));
        }).toList();
    }
}
