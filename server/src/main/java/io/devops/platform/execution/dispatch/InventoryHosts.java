package io.devops.platform.execution.dispatch;

import io.devops.platform.ansible.PlaybookRun.InventoryHost;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.inventory.NodeHostKeys;
import io.devops.platform.inventory.PlaybookInventory;
import java.util.HashMap;
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
    private final PlaybookInventory inventory;

    InventoryHosts(SshAccess ssh, HostKeyRecords hostKeys, PlaybookInventory inventory) {
        this.ssh = ssh;
        this.hostKeys = hostKeys;
        this.inventory = inventory;
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

    /**
     * As a step's playbook sees them: in their tenant's, pool's, GPU type's and labels' groups, with
     * pool variables on the pool group and node variables, {@code devops_node_id} and
     * {@code devops_facts} on each host.
     */
    PlaybookHosts forPlaybook(List<RunNode> nodes, Map<RunNode, SshAccess.Access> accesses,
                              Map<Long, List<NodeHostKeys.HostKey>> recorded) {
        PlaybookInventory.Inventory now = inventory.of(nodes.stream().map(RunNode::nodeId).toList());
        Map<Long, List<String>> groupsByNode = new HashMap<>();
        Map<Long, Map<String, Object>> varsByNode = new HashMap<>();
        now.hosts().forEach((id, host) -> {
            groupsByNode.put(id, host.groups());
            Map<String, Object> vars = new LinkedHashMap<>(host.vars());
            vars.putAll(host.secretVars());
            varsByNode.put(id, vars);
        });
        List<InventoryHost> hosts = nodes.stream().map(node -> host(node, accesses.get(node), recorded,
                varsByNode.getOrDefault(node.nodeId(), Map.of("devops_node_id", node.nodeId())),
                groupsByNode.getOrDefault(node.nodeId(), List.of()))).toList();
        return PlaybookHosts.of(hosts, nodes, now);
    }

    static List<InventoryHost> of(List<RunNode> nodes, Map<RunNode, SshAccess.Access> accesses,
                                  Map<Long, List<NodeHostKeys.HostKey>> recorded) {
        return nodes.stream().map(node -> host(node, accesses.get(node), recorded, Map.of("devops_node_id", node.nodeId()),
                List.of())).toList();
    }

    private static InventoryHost host(RunNode node, SshAccess.Access access, Map<Long, List<NodeHostKeys.HostKey>> recorded,
                                      Map<String, Object> vars, List<String> groups) {
        String becomePassword = access.credential() == null ? null : access.credential().becomePassword();
        return new InventoryHost(node.ip(), node.ip(), node.sshPort(), access.user(), access.key(), becomePassword,
                vars, HostKeyRecords.forSsh(recorded.get(node.nodeId())), groups);
    }
}
