package io.devops.platform.inventory;

import static io.devops.platform.inventory.InventoryFixtures.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NodesApiTests extends ApiTest {

    private InventoryFixtures fixtures;
    private long poolId;

    @BeforeEach
    void pool() {
        fixtures = new InventoryFixtures(admin());
        poolId = fixtures.pool(unique("pool"), fixtures.tenant(unique("tenant")));
    }

    @Test
    void registersANodeWithItsLabelsInAPool() {
        String ip = uniqueIp();
        var response = admin().post("/api/v1/nodes", aNode(ip).hostname("gpu-01").gpuType("H100").inPool(poolId)
                .label("rack", "r1").json());

        assertThat(response.status()).isEqualTo(201);
        var node = response.json();
        assertThat(node.get("ip").asString()).isEqualTo(ip);
        assertThat(node.get("nodePoolId").asLong()).isEqualTo(poolId);
        assertThat(node.get("locked").asBoolean()).isFalse();
        assertThat(node.get("registeredAt").isNull()).isFalse();
        assertThat(node.get("labels").get("rack").asString()).isEqualTo("r1");
        assertThat(admin().get("/api/v1/nodes/" + node.get("id").asLong()).json().get("hostname").asString()).isEqualTo("gpu-01");
    }

    @Test
    void nodesAddedAtOnceWithTheSameNewLabelAllGetIt() throws Exception {
        String rack = unique("rack");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var requests = new java.util.ArrayList<java.util.concurrent.Future<io.devops.platform.support.Api.Response>>();
            for (int i = 0; i < 8; i++) {
                String ip = uniqueIp();
                requests.add(pool.submit(() -> admin().post("/api/v1/nodes", aNode(ip).inPool(poolId).label("rack", rack).json())));
            }
            for (var request : requests) {
                var response = request.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                assertThat(response.json().get("labels").get("rack").asString()).isEqualTo(rack);
            }
        } finally {
            pool.shutdown();
        }
        var tagged = admin().get("/api/v1/nodes?label=rack=" + rack + "&size=50");
        assertThat(tagged.status()).as(tagged.toString()).isEqualTo(200);
        assertThat(tagged.json().get("total").asInt()).isEqualTo(8);
    }

    @Test
    void aNodeWithoutPoolLandsInTheSparePool() {
        var node = admin().post("/api/v1/nodes", aNode(uniqueIp()).json()).json();
        assertThat(node.get("nodePoolName").asString()).isEqualTo("spare_nodepool");
    }

    @Test
    void ipv6AddressesAreStoredInCanonicalFormSoDuplicatesAreCaught() {
        String ip = "fd00:0:0:0:0:0:" + Integer.toHexString((int) (System.nanoTime() & 0xffff)) + ":1";
        var created = admin().post("/api/v1/nodes", aNode(ip.toUpperCase()).json());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("ip").asString()).startsWith("fd00::");

        var duplicate = admin().post("/api/v1/nodes", aNode(created.json().get("ip").asString()).json());
        assertThat(duplicate.status()).isEqualTo(409);
    }

    @Test
    void refusesAnInvalidIpWithAProblem() {
        var response = admin().post("/api/v1/nodes", aNode("300.1.2.3").json());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asString()).contains("300.1.2.3").contains("not an IPv4 or IPv6 address");
    }

    @Test
    void refusesADuplicateIpWithConflict() {
        String ip = uniqueIp();
        fixtures.node(aNode(ip));
        var response = admin().post("/api/v1/nodes", aNode(ip).json());
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).contains(ip).contains("already exists");
    }

    @Test
    void refusesAnUnknownPoolWithNotFound() {
        var response = admin().post("/api/v1/nodes", aNode(uniqueIp()).inPool(999_999).json());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).contains("999999");
    }

    @Test
    void aNodesOwnCredentialMustExist() {
        var response = admin().post("/api/v1/nodes", "{\"ip\":\"" + uniqueIp() + "\",\"credentialId\":987654}");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).contains("credential 987654 does not exist");
    }

    @Test
    void refusesOverLongStringsAndMalformedJson() {
        var tooLong = admin().post("/api/v1/nodes", aNode(uniqueIp()).hostname("h".repeat(300)).json());
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("hostname");

        var malformed = admin().post("/api/v1/nodes", "{\"ip\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();

        var wrongType = admin().post("/api/v1/nodes", "{\"ip\":\"" + uniqueIp() + "\",\"sshPort\":\"ssh\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("detail").asString()).contains("sshPort");
    }

    @Test
    void refusesABodyOverTheSizeLimitWith413() {
        String huge = "{\"ip\":\"" + "1".repeat(10 * 1024 * 1024) + "\"}";
        var response = admin().post("/api/v1/nodes", huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void aLockedNodeCannotBeDeletedAndTheErrorSaysWhoLockedItAndWhy() {
        long id = fixtures.node(aNode(uniqueIp()).inPool(poolId));
        var locked = admin().post("/api/v1/nodes/" + id + "/lock", "{\"reason\":\"RMA: bad HBM\"}");
        assertThat(locked.status()).isEqualTo(200);
        assertThat(locked.json().get("lockedBy").asString()).isEqualTo("admin");

        var delete = admin().delete("/api/v1/nodes/" + id);
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.json().get("detail").asString()).contains("locked by admin").contains("RMA: bad HBM");

        assertThat(admin().post("/api/v1/nodes/" + id + "/unlock", "{}").status()).isEqualTo(200);
        assertThat(admin().delete("/api/v1/nodes/" + id).status()).isEqualTo(204);
        assertThat(admin().get("/api/v1/nodes/" + id).status()).isEqualTo(404);
    }

    @Test
    void lockingNeedsAReason() {
        long id = fixtures.node(aNode(uniqueIp()));
        assertThat(admin().post("/api/v1/nodes/" + id + "/lock", "{\"reason\":\" \"}").status()).isEqualTo(400);
    }

    @Test
    void updatingANodeReplacesItsLabels() {
        String ip = uniqueIp();
        long id = fixtures.node(aNode(ip).inPool(poolId).label("rack", "r1").label("row", "3"));
        var updated = admin().put("/api/v1/nodes/" + id, aNode(ip).inPool(poolId).gpuType("A100").label("rack", "r9").json());
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("gpuType").asString()).isEqualTo("A100");
        assertThat(updated.json().get("labels").propertyNames()).containsExactly("rack");
        assertThat(updated.json().get("labels").get("rack").asString()).isEqualTo("r9");
    }

    @Test
    void everyChangeIsInTheAuditTrail() {
        String ip = uniqueIp();
        long id = fixtures.node(aNode(ip));
        var events = admin().get("/api/v1/audit-events?entityType=node&entityId=" + id).json().get("items");
        assertThat(events.size()).isEqualTo(1);
        assertThat(events.get(0).get("action").asString()).isEqualTo("node.created");
        assertThat(events.get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(events.get(0).get("after").asString()).contains(ip);
    }
}
