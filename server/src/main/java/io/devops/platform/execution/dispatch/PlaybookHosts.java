package io.devops.platform.execution.dispatch;

import io.devops.platform.ansible.PlaybookRun.InventoryHost;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.inventory.PlaybookInventory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step's inventory: the hosts for Ansible, the pool groups' variables, the secret texts to mask
 * in its output, and the record of it kept with the run (secrets as {@value #SECRET}).
 */
record PlaybookHosts(List<InventoryHost> hosts, Map<String, Map<String, Object>> groupVars, List<String> secrets,
                     Map<String, Object> record) {

    static final String SECRET = "<secret>";

    static PlaybookHosts of(List<InventoryHost> hosts, List<RunNode> nodes, PlaybookInventory.Inventory inventory) {
        Map<String, Map<String, Object>> groupVars = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        Map<String, Object> recordedGroupVars = new LinkedHashMap<>();
        inventory.groups().forEach((name, group) -> {
            Map<String, Object> vars = new LinkedHashMap<>(group.vars());
            vars.putAll(group.secretVars());
            groupVars.put(name, vars);
            secrets.addAll(group.secretVars().values());
            recordedGroupVars.put(name, masked(group.vars(), group.secretVars()));
        });
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("all", hosts.stream().map(InventoryHost::name).toList());
        hosts.forEach(host -> host.groups().forEach(group -> groups.computeIfAbsent(group, g -> new ArrayList<>()).add(host.name())));
        Map<String, Object> hostVars = new LinkedHashMap<>();
        for (RunNode node : nodes) {
            PlaybookInventory.Host host = inventory.hosts().get(node.nodeId());
            if (host != null) {
                secrets.addAll(host.secretVars().values());
                hostVars.put(node.ip(), masked(host.vars(), host.secretVars()));
            }
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("groups", groups);
        record.put("groupVars", recordedGroupVars);
        record.put("hostVars", hostVars);
        return new PlaybookHosts(hosts, groupVars, List.copyOf(secrets), record);
    }

    private static Map<String, Object> masked(Map<String, Object> vars, Map<String, String> secretVars) {
        Map<String, Object> masked = new LinkedHashMap<>(vars);
        secretVars.keySet().forEach(name -> masked.put(name, SECRET));
        return masked;
    }
}
