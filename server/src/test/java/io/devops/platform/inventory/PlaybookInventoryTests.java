package io.devops.platform.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a playbook is given of a node: its tenant, pool, GPU type and label groups named as Ansible
 * needs them, its pool's variables on the pool group, its own with its id and last facts as host
 * variables, secrets opened for Ansible alone.
 */
class PlaybookInventoryTests extends ApiTest {

    @Autowired
    PlaybookInventory inventory;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNodeIsInItsTenantPoolGpuAndLabelGroupsWithPoolAndNodeVariablesAndItsFacts() {
        InventoryFixtures fixtures = new InventoryFixtures(admin());
        long tenant = fixtures.tenant(unique("Tenant"));
        long pool = fixtures.pool(unique("Pool"), tenant);
        long node = fixtures.node(InventoryFixtures.aNode(uniqueIp()).inPool(pool).gpuType("H100 80GB-SXM").label("Rack.Row", "A-1"));
        jdbc.sql("UPDATE nodes SET facts = ? WHERE id = ?").params("{\"gpus\":[{\"model\":\"H100\"}]}", node).update();
        assertThat(admin().put("/api/v1/node-pools/" + pool + "/vars",
                "{\"vars\":{\"level\":\"pool\"},\"secretVars\":{\"pool_token\":\"p-secret\"}}").status()).isEqualTo(200);
        assertThat(admin().put("/api/v1/nodes/" + node + "/vars",
                "{\"vars\":{\"level\":\"node\",\"ports\":[1,2]},\"secretVars\":{\"node_token\":\"n-secret\"}}").status()).isEqualTo(200);
        String poolSlug = admin().get("/api/v1/node-pools/" + pool).json().get("slug").asString();
        String tenantSlug = admin().get("/api/v1/tenants/" + tenant).json().get("slug").asString();

        PlaybookInventory.Inventory seen = inventory.of(List.of(node));

        PlaybookInventory.Host host = seen.hosts().get(node);
        assertThat(host.groups()).containsExactly("tenant_" + tenantSlug, "pool_" + poolSlug, "gpu_h100_80gb_sxm", "label_rack_row_a_1");
        assertThat(host.vars()).containsEntry("level", "node").containsEntry("ports", List.of(1, 2))
                .containsEntry("devops_node_id", node).containsEntry("devops_facts", Map.of("gpus", List.of(Map.of("model", "H100"))));
        assertThat(host.secretVars()).isEqualTo(Map.of("node_token", "n-secret"));
        assertThat(seen.groups().get("pool_" + poolSlug).vars()).isEqualTo(Map.of("level", "pool"));
        assertThat(seen.groups().get("pool_" + poolSlug).secretVars()).isEqualTo(Map.of("pool_token", "p-secret"));
    }

    @Test
    void aDeletedNodeTakesItsVariablesWithIt() {
        InventoryFixtures fixtures = new InventoryFixtures(admin());
        long node = fixtures.node(InventoryFixtures.aNode(uniqueIp()).inPool(fixtures.pool(unique("pool"), fixtures.tenant(unique("t")))));
        assertThat(admin().put("/api/v1/nodes/" + node + "/vars", "{\"vars\":{\"rack\":\"r1\"}}").status()).isEqualTo(200);

        assertThat(admin().delete("/api/v1/nodes/" + node).status()).isEqualTo(204);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM inventory_vars WHERE owner_kind = 'NODE' AND owner_id = ?").param(node)
                .query(Long.class).single()).isZero();
    }
}
