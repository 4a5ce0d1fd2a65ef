package io.devops.platform.inventory;

import static io.devops.platform.inventory.InventoryFixtures.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class NodeFilteringApiTests extends ApiTest {

    private long tenant;
    private long poolA;
    private long poolB;
    private String rack;
    private String a100Ip;

    @BeforeEach
    void inventory() {
        var fixtures = new InventoryFixtures(admin());
        tenant = fixtures.tenant(unique("tenant"));
        poolA = fixtures.pool(unique("a"), tenant);
        poolB = fixtures.pool(unique("b"), tenant);
        rack = unique("rack");
        fixtures.node(aNode(uniqueIp()).inPool(poolA).gpuType("H100").hostname("h100-1").label(rack, "r1"));
        a100Ip = uniqueIp();
        fixtures.node(aNode(a100Ip).inPool(poolA).gpuType("A100").hostname("a100-1").label(rack, "r2"));
        long locked = fixtures.node(aNode(uniqueIp()).inPool(poolB).gpuType("H100").hostname("h100-2").label(rack, "r1"));
        admin().post("/api/v1/nodes/" + locked + "/lock", "{\"reason\":\"test\"}");
    }

    @Test
    void filtersByPoolTenantLabelGpuTypeAndLock() {
        assertThat(hostnames("poolId=" + poolA)).containsExactly("h100-1", "a100-1");
        assertThat(hostnames("tenantId=" + tenant)).hasSize(3);
        assertThat(hostnames("tenantId=" + tenant + "&label=" + rack + "=r1")).containsExactly("h100-1", "h100-2");
        assertThat(hostnames("tenantId=" + tenant + "&label=" + rack)).hasSize(3);
        assertThat(hostnames("tenantId=" + tenant + "&gpuType=H100&locked=false")).containsExactly("h100-1");
        assertThat(hostnames("tenantId=" + tenant + "&locked=true")).containsExactly("h100-2");
        assertThat(hostnames("tenantId=" + tenant + "&q=a100")).containsExactly("a100-1");
    }

    @Test
    void freeTextTreatsWildcardsLiterally() {
        assertThat(hostnames("tenantId=" + tenant + "&q=%25")).isEmpty();
    }

    @Test
    void freeTextFindsAnyPartOfTheIpOrHostNameInAnyCase() {
        assertThat(hostnames("tenantId=" + tenant + "&q=H100-")).containsExactlyInAnyOrder("h100-1", "h100-2");
        assertThat(hostnames("tenantId=" + tenant + "&q=00-1")).containsExactlyInAnyOrder("h100-1", "a100-1");
        assertThat(hostnames("tenantId=" + tenant + "&q=" + a100Ip.substring(a100Ip.indexOf('.')))).containsExactly("a100-1");
    }

    @Test
    void freeTextNoIpOrHostNameCanHoldMatchesNothing() {
        assertThat(hostnames("tenantId=" + tenant + "&q=%E8%8A%82%E7%82%B9")).isEmpty(); // 节点
    }

    @Test
    void sortsByAWhitelistedField() {
        assertThat(hostnames("tenantId=" + tenant + "&sort=hostname,asc")).containsExactly("a100-1", "h100-1", "h100-2");
    }

    @Test
    void refusesAPageSizeAboveTheLimit() {
        var response = admin().get("/api/v1/nodes?size=100000");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("size");
    }

    private List<String> hostnames(String query) {
        var response = admin().get("/api/v1/nodes?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (JsonNode node : response.json().get("items")) {
            names.add(node.get("hostname").asString());
        }
        return names;
    }
}
