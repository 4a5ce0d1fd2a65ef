package io.devops.platform.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devops.platform.inventory.NodeRegistry.FactsSummary;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NodeRegistryTests extends ApiTest {

    @Autowired
    NodeRegistry registry;

    @Test
    void anUnknownNodeRegistersItselfInTheSparePool() {
        String ip = uniqueIp();
        var registered = registry.register(ip, "gpu-new", null);

        assertThat(registered.created()).isTrue();
        var node = admin().get("/api/v1/nodes/" + registered.id()).json();
        assertThat(node.get("nodePoolName").asString()).isEqualTo("spare_nodepool");
        assertThat(node.get("agent").get("status").asString()).isEqualTo("ONLINE");
    }

    @Test
    void aKnownIpIsLinkedNotDuplicatedAndStaysInItsPool() {
        var fixtures = new InventoryFixtures(admin());
        long pool = fixtures.pool(unique("pool"), fixtures.tenant(unique("tenant")));
        String ip = uniqueIp();
        long id = fixtures.node(InventoryFixtures.aNode(ip).inPool(pool));

        var registered = registry.register(ip, "gpu-known", null);

        assertThat(registered.created()).isFalse();
        assertThat(registered.id()).isEqualTo(id);
        assertThat(registered.nodePoolId()).isEqualTo(pool);
    }

    @Test
    void factsSetTheGpuTypeAndAreShownOnTheNode() {
        var registered = registry.register(uniqueIp(), null, null);
        registry.reportFacts(registered.id(), "{\"gpu\":{\"model\":\"NVIDIA H100 80GB HBM3\",\"count\":8}}",
                new FactsSummary("gpu-h100-1", "NVIDIA H100 80GB HBM3", 8));

        var node = admin().get("/api/v1/nodes/" + registered.id()).json();
        assertThat(node.get("gpuType").asString()).isEqualTo("NVIDIA H100 80GB HBM3");
        assertThat(node.get("gpuCount").asInt()).isEqualTo(8);
        assertThat(node.get("facts").get("gpu").get("count").asInt()).isEqualTo(8);
    }

    @Test
    void factsThatBreakTheInventorysRulesAreNotStoredWhoeverReportsThem() {
        var registered = registry.register(uniqueIp(), "gpu-ok", null);

        assertThatThrownBy(() -> registry.reportFacts(registered.id(), "{}", new FactsSummary("gpu ok", "H100\n", 65)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InputError::field).containsExactly("hostname", "gpuType", "gpuCount"));
        var node = admin().get("/api/v1/nodes/" + registered.id()).json();
        assertThat(node.get("hostname").asString()).isEqualTo("gpu-ok");
        assertThat(node.hasNonNull("gpuCount")).isFalse();
    }

    @Test
    void theOnlineFilterSeparatesNodesWithARecentHeartbeat() {
        var fixtures = new InventoryFixtures(admin());
        long pool = fixtures.pool(unique("pool"), fixtures.tenant(unique("tenant")));
        long silent = fixtures.node(InventoryFixtures.aNode(uniqueIp()).inPool(pool));
        long alive = fixtures.node(InventoryFixtures.aNode(uniqueIp()).inPool(pool));
        registry.markSeen(alive);

        var online = admin().get("/api/v1/nodes?poolId=" + pool + "&online=true").json().get("items");
        var offline = admin().get("/api/v1/nodes?poolId=" + pool + "&online=false").json().get("items");

        assertThat(online.size()).isEqualTo(1);
        assertThat(online.get(0).get("id").asLong()).isEqualTo(alive);
        assertThat(offline.size()).isEqualTo(1);
        assertThat(offline.get(0).get("id").asLong()).isEqualTo(silent);
    }
}
