package io.devops.platform.inventory;

import static io.devops.platform.inventory.InventoryFixtures.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoolsAndTenantsApiTests extends ApiTest {

    private InventoryFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new InventoryFixtures(admin());
    }

    @Test
    void aDuplicateTenantNameIsAConflict() {
        String name = unique("west_cloud");
        fixtures.tenant(name);
        var duplicate = admin().post("/api/v1/tenants", "{\"name\":\"" + name + "\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("detail").asString()).contains(name);
    }

    @Test
    void aTenantThatStillOwnsPoolsCannotBeDeleted() {
        long tenant = fixtures.tenant(unique("tenant"));
        String poolName = unique("pool");
        long pool = fixtures.pool(poolName, tenant);

        var refused = admin().delete("/api/v1/tenants/" + tenant);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains(poolName).contains("still owns 1 node pool");

        assertThat(admin().delete("/api/v1/node-pools/" + pool).status()).isEqualTo(204);
        assertThat(admin().delete("/api/v1/tenants/" + tenant).status()).isEqualTo(204);
    }

    @Test
    void aPoolThatStillHoldsNodesCannotBeDeleted() {
        long pool = fixtures.pool(unique("pool"), fixtures.tenant(unique("tenant")));
        fixtures.node(aNode(uniqueIp()).inPool(pool));
        var refused = admin().delete("/api/v1/node-pools/" + pool);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("still holds 1 node");
    }

    @Test
    void theSparePoolCannotBeDeleted() {
        long spare = admin().get("/api/v1/node-pools?name=spare_nodepool").json().get("items").get(0).get("id").asLong();
        assertThat(admin().delete("/api/v1/node-pools/" + spare).status()).isEqualTo(409);
    }

    @Test
    void aPoolNeedsAnExistingTenant() {
        var response = admin().post("/api/v1/node-pools", "{\"name\":\"" + unique("pool") + "\",\"tenantId\":987654}");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).contains("Tenant 987654 does not exist");
    }

    @Test
    void movingNodesBetweenPoolsIsRecordedInTheirHistory() {
        long tenant = fixtures.tenant(unique("tenant"));
        long from = fixtures.pool(unique("from"), tenant);
        long to = fixtures.pool(unique("to"), tenant);
        long a = fixtures.node(aNode(uniqueIp()).inPool(from));
        long b = fixtures.node(aNode(uniqueIp()).inPool(from));

        var moved = admin().post("/api/v1/node-pools/" + to + "/nodes", "{\"nodeIds\":[" + a + "," + b + "],\"reason\":\"delivery\"}");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("moved").asInt()).isEqualTo(2);
        assertThat(moved.json().get("nodePool").get("nodeCount").asLong()).isEqualTo(2);
        var history = admin().get("/api/v1/nodes/" + a + "/pool-history").json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(1).get("fromPoolId").asLong()).isEqualTo(from);
        assertThat(history.get(1).get("toPoolId").asLong()).isEqualTo(to);
        assertThat(history.get(1).get("reason").asString()).isEqualTo("delivery");
        assertThat(history.get(1).get("movedBy").asString()).isEqualTo("admin");
    }

    @Test
    void aLockedNodeOrPoolRefusesTheWholeMoveAndSaysWhy() {
        long tenant = fixtures.tenant(unique("tenant"));
        long from = fixtures.pool(unique("from"), tenant);
        long to = fixtures.pool(unique("to"), tenant);
        long free = fixtures.node(aNode(uniqueIp()).inPool(from));
        long locked = fixtures.node(aNode(uniqueIp()).inPool(from));
        admin().post("/api/v1/nodes/" + locked + "/lock", "{\"reason\":\"burn-in\"}");

        var refused = admin().post("/api/v1/node-pools/" + to + "/nodes", "{\"nodeIds\":[" + free + "," + locked + "]}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("locked by admin").contains("burn-in");
        assertThat(admin().get("/api/v1/nodes/" + free).json().get("nodePoolId").asLong()).isEqualTo(from);

        admin().post("/api/v1/node-pools/" + to + "/lock", "{\"reason\":\"customer acceptance\"}");
        var intoLockedPool = admin().post("/api/v1/node-pools/" + to + "/nodes", "{\"nodeIds\":[" + free + "]}");
        assertThat(intoLockedPool.status()).isEqualTo(409);
        assertThat(intoLockedPool.json().get("detail").asString()).contains("customer acceptance");
    }

    @Test
    void aLockedPoolCannotBeDeletedOrLockedTwice() {
        long pool = fixtures.pool(unique("pool"), fixtures.tenant(unique("tenant")));
        var locked = admin().post("/api/v1/node-pools/" + pool + "/lock", "{\"reason\":\"maintenance\"}");
        assertThat(locked.json().get("locked").asBoolean()).isTrue();
        assertThat(admin().post("/api/v1/node-pools/" + pool + "/lock", "{\"reason\":\"again\"}").status()).isEqualTo(409);
        var delete = admin().delete("/api/v1/node-pools/" + pool);
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.json().get("detail").asString()).contains("maintenance");
    }

    @Test
    void listsArePagedAndSortedAndRejectUnknownSortFields() {
        String prefix = unique("page");
        long tenant = fixtures.tenant(prefix + "_t");
        for (int i = 0; i < 3; i++) {
            fixtures.pool(prefix + "_p" + i, tenant);
        }
        var page = admin().get("/api/v1/node-pools?tenantId=" + tenant + "&size=2&sort=name,desc").json();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("name").asString()).isEqualTo(prefix + "_p2");

        var badSort = admin().get("/api/v1/node-pools?sort=password,asc");
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.json().get("detail").asString()).contains("cannot sort by 'password'");
    }

    @Test
    void labelsCanBeManagedAndAreNotDeletedWhileInUse() {
        String key = unique("rack");
        var label = admin().post("/api/v1/labels", "{\"key\":\"" + key + "\",\"value\":\"r1\"}");
        assertThat(label.status()).isEqualTo(201);
        fixtures.node(aNode(uniqueIp()).label(key, "r1"));
        var refused = admin().delete("/api/v1/labels/" + label.id());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("still on 1 node");
        assertThat(admin().post("/api/v1/labels", "{\"key\":\"bad key\",\"value\":\"x\"}").status()).isEqualTo(400);
    }
}
