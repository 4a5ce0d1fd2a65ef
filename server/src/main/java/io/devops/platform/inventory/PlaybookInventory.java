package io.devops.platform.inventory;

import io.devops.platform.inventory.InventoryVarsStore.Owner;
import io.devops.platform.inventory.InventoryVarsStore.Stored;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a playbook sees of its nodes besides how to reach them: the groups {@code tenant_<slug>},
 * {@code pool_<slug>}, {@code gpu_<type>} and {@code label_<key>_<value>}; the pool's variables as
 * those of its {@code pool_} group, the node's as host variables with {@code devops_node_id} and
 * {@code devops_facts} (its agent's last report). Ansible ranks inventory host variables above
 * group variables and both below role parameters and extra variables, which carry operator
 * values: role defaults &lt; pool &lt; node &lt; operator.
 */
@Component
public class PlaybookInventory {

    /** A node's groups and variables; {@code secretVars} hold opened secrets, for Ansible only. */
    public record Host(long nodeId, List<String> groups, Map<String, Object> vars, Map<String, String> secretVars) {
    }

    /** A pool's group and its variables. */
    public record Group(String name, Map<String, Object> vars, Map<String, String> secretVars) {
    }

    /** The hosts by node id and the groups that carry variables, by name. */
    public record Inventory(Map<Long, Host> hosts, Map<String, Group> groups) {
    }

    private record NodeRow(long nodeId, long poolId, String poolGroup, String tenantGroup, String gpuType, String factsJson) {
    }

    private final JdbcClient jdbc;
    private final Labels labels;
    private final InventoryVarsStore store;
    private final InventoryVarsService vars;
    private final JsonMapper json;

    PlaybookInventory(JdbcClient jdbc, Labels labels, InventoryVarsStore store, InventoryVarsService vars, JsonMapper json) {
        this.jdbc = jdbc;
        this.labels = labels;
        this.store = store;
        this.vars = vars;
        this.json = json;
    }

    /** The inventory of these nodes as it stands now; a node deleted meanwhile is left out. */
    public Inventory of(Collection<Long> nodeIds) {
        List<NodeRow> rows = rows(List.copyOf(new LinkedHashSet<>(nodeIds)));
        List<Long> ids = rows.stream().map(NodeRow::nodeId).toList();
        Map<Long, Map<String, String>> nodeLabels = labels.ofNodes(ids);
        Map<Long, Stored> nodeVars = store.of(Owner.NODE, ids);
        Map<Long, Stored> poolVars = store.of(Owner.POOL, rows.stream().map(NodeRow::poolId).distinct().toList());
        Map<Long, Host> hosts = new LinkedHashMap<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        for (NodeRow row : rows) {
            Stored own = nodeVars.getOrDefault(row.nodeId(), Stored.NONE);
            Map<String, Object> hostVars = vars.readVars(own.varsJson());
            hostVars.put("devops_node_id", row.nodeId());
            Object facts = row.factsJson() == null ? null : json.readValue(row.factsJson(), Object.class);
            hostVars.put("devops_facts", facts == null ? Map.of() : facts);
            hosts.put(row.nodeId(), new Host(row.nodeId(), groups(row, nodeLabels.getOrDefault(row.nodeId(), Map.of())),
                    hostVars, opened(own)));
            Stored pool = poolVars.getOrDefault(row.poolId(), Stored.NONE);
            groups.computeIfAbsent(row.poolGroup(), name -> new Group(name, vars.readVars(pool.varsJson()), opened(pool)));
        }
        return new Inventory(hosts, groups);
    }

    /** Lower case, any other character than a-z, 0-9 and _ as _: a group name Ansible and Jinja take as is. */
    static String groupPart(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    private static List<String> groups(NodeRow row, Map<String, String> nodeLabels) {
        List<String> names = new ArrayList<>();
        if (row.tenantGroup() != null) {
            names.add(row.tenantGroup());
        }
        names.add(row.poolGroup());
        if (row.gpuType() != null && !row.gpuType().isBlank()) {
            names.add("gpu_" + groupPart(row.gpuType()));
        }
        nodeLabels.forEach((key, value) -> names.add("label_" + groupPart(key) + "_" + groupPart(value)));
        return names;
    }

    private Map<String, String> opened(Stored stored) {
        Map<String, String> secrets = new LinkedHashMap<>();
        vars.readSecrets(stored.secretsJson()).forEach((name, sealed) -> secrets.put(name, vars.open(sealed, name)));
        return secrets;
    }

    private List<NodeRow> rows(List<Long> nodeIds) {
        List<NodeRow> rows = new ArrayList<>();
        for (List<Long> chunk : Nodes.chunks(nodeIds)) {
            jdbc.sql("""
                    SELECT n.id, n.node_pool_id, n.gpu_type, n.facts, p.name, p.slug, t.name AS tenant_name, t.slug AS tenant_slug
                    FROM nodes n JOIN node_pools p ON p.id = n.node_pool_id LEFT JOIN tenants t ON t.id = p.tenant_id
                    WHERE n.id IN (:ids)""")
                    .param("ids", chunk)
                    .query(rs -> {
                        rows.add(new NodeRow(rs.getLong("id"), rs.getLong("node_pool_id"), "pool_" + Rows.slug(rs, ""),
                                rs.getString("tenant_name") == null ? null : "tenant_" + Rows.slug(rs, "tenant_"),
                                rs.getString("gpu_type"), rs.getString("facts")));
                    });
        }
        return rows;
    }
}
