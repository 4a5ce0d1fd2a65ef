package io.devops.platform.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.Test;

class NodeImportApiTests extends ApiTest {

    @Test
    void importsCsvWithPoolsByNameAndLabels() {
        var fixtures = new InventoryFixtures(admin());
        String pool = unique("pool");
        fixtures.pool(pool, fixtures.tenant(unique("tenant")));
        String a = uniqueIp();
        String b = uniqueIp();
        String csv = "ip,hostname,sshPort,nodePool,gpuType,labels\\n"
                + a + ",gpu-a,22," + pool + ",H100,rack=r1;row=2\\n"
                + "\\n"
                + b + ",gpu-b,2222," + pool + ",H100,\\n";

        var response = admin().post("/api/v1/nodes/import", "{\"csv\":\"" + csv + "\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("imported").asInt()).isEqualTo(2);
        var node = admin().get("/api/v1/nodes?q=" + a).json().get("items").get(0);
        assertThat(node.get("nodePoolName").asString()).isEqualTo(pool);
        assertThat(node.get("labels").get("row").asString()).isEqualTo("2");
    }

    @Test
    void reportsEveryBadLineAndImportsNothing() {
        String good = uniqueIp();
        String taken = uniqueIp();
        new InventoryFixtures(admin()).node(InventoryFixtures.aNode(taken));
        String csv = "ip,hostname,nodePool\\n"
                + good + ",ok,\\n"
                + "10.0.0.300,bad-ip,\\n"
                + taken + ",taken,\\n"
                + good + ",twice,\\n"
                + uniqueIp() + ",nopool,no_such_pool\\n";

        var response = admin().post("/api/v1/nodes/import", "{\"csv\":\"" + csv + "\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).startsWith("Nothing was imported");
        var errors = response.json().get("errors");
        assertThat(errors.size()).isEqualTo(4);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("line 3");
        assertThat(errors.get(1).get("message").asString()).contains("already exists");
        assertThat(errors.get(2).get("message").asString()).contains("appears twice");
        assertThat(errors.get(3).get("message").asString()).contains("no_such_pool");
        assertThat(admin().get("/api/v1/nodes?q=" + good).json().get("total").asLong()).isZero();
    }

    @Test
    void importsAJsonListAndNamesBadEntriesByPosition() {
        String a = uniqueIp();
        var ok = admin().post("/api/v1/nodes/import", "{\"nodes\":[{\"ip\":\"" + a + "\"},{\"ip\":\"" + uniqueIp() + "\"}]}");
        assertThat(ok.json().get("imported").asInt()).isEqualTo(2);

        var bad = admin().post("/api/v1/nodes/import", "{\"nodes\":[{\"ip\":\"" + uniqueIp() + "\"},{\"ip\":\"" + a + "\"}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("nodes[1]");
    }

    @Test
    void rejectsUnknownCsvColumns() {
        var response = admin().post("/api/v1/nodes/import", "{\"csv\":\"ip,password\\n127.0.0.1,x\\n\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("unknown column 'password'");
    }

    @Test
    void withUpdateExistingALineWithAKnownAddressUpdatesThatNodeAndKeepsWhatTheLineLeavesEmpty() {
        var fixtures = new InventoryFixtures(admin());
        String pool = unique("pool");
        long poolId = fixtures.pool(pool, fixtures.tenant(unique("tenant")));
        String known = uniqueIp();
        long id = fixtures.node(InventoryFixtures.aNode(known).hostname("old-name").gpuType("A800").sshPort(2222).inPool(poolId)
                .label("rack", "r1"));
        String fresh = uniqueIp();
        String csv = "ip,hostname,gpuType,labels\\n" + known + ",new-name,H100,\\n" + fresh + ",fresh,H100,row=2\\n";

        var response = admin().post("/api/v1/nodes/import", "{\"csv\":\"" + csv + "\",\"updateExisting\":true}");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("imported").asInt()).isEqualTo(1);
        assertThat(response.json().get("updated").asInt()).isEqualTo(1);
        var updated = admin().get("/api/v1/nodes/" + id).json();
        assertThat(updated.get("hostname").asString()).isEqualTo("new-name");
        assertThat(updated.get("gpuType").asString()).isEqualTo("H100");
        assertThat(updated.get("sshPort").asInt()).isEqualTo(2222);
        assertThat(updated.get("nodePoolName").asString()).isEqualTo(pool);
        assertThat(updated.get("labels").get("rack").asString()).isEqualTo("r1");
        assertThat(admin().get("/api/v1/nodes?q=" + fresh).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void withoutUpdateExistingAKnownAddressStillRefusesTheWholeImport() {
        String known = uniqueIp();
        new InventoryFixtures(admin()).node(InventoryFixtures.aNode(known).hostname("kept"));
        String fresh = uniqueIp();

        var response = admin().post("/api/v1/nodes/import", "{\"csv\":\"ip,hostname\\n" + known + ",changed\\n" + fresh
                + ",fresh\\n\",\"updateExisting\":false}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("already exists");
        assertThat(admin().get("/api/v1/nodes?q=" + known).json().get("items").get(0).get("hostname").asString()).isEqualTo("kept");
        assertThat(admin().get("/api/v1/nodes?q=" + fresh).json().get("total").asLong()).isZero();
    }
}
