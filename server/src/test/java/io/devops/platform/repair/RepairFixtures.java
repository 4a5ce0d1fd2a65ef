package io.devops.platform.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.health.RepairAction;
import io.devops.platform.health.RepairRequested;
import io.devops.platform.support.Api;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Tenants with a pool, their viewers, agents enrolled by protocol, and the requests the policy would publish. */
final class RepairFixtures {

    static final String POLICY = "policy:default@v1";
    static final List<String> CHECKS = List.of("gpu_inventory", "xid", "ecc", "row_remap", "dcgm_diag");

    private final Api admin;
    private final Api anonymous;
    private final Function<String, String> unique;

    RepairFixtures(Api admin, Api anonymous, Function<String, String> unique) {
        this.admin = admin;
        this.anonymous = anonymous;
        this.unique = unique;
    }

    record Tenant(long id, long pool) {
    }

    Tenant tenant() {
        var tenant = admin.post("/api/v1/tenants", "{\"name\":\"" + unique.apply("repair") + "\"}");
        assertThat(tenant.status()).as(tenant.toString()).isEqualTo(201);
        var pool = admin.post("/api/v1/node-pools", "{\"name\":\"" + unique.apply("pool") + "\",\"tenantId\":" + tenant.id() + "}");
        assertThat(pool.status()).as(pool.toString()).isEqualTo(201);
        return new Tenant(tenant.id(), pool.id());
    }

    /** A user of {@code tenant} with that tenant role (VIEWER, OPERATOR), signed in with a token. */
    Api member(Tenant tenant, String role) {
        String username = unique.apply("member");
        String password = "pw-" + unique.apply("secret") + "-Long";
        var created = admin.post("/api/v1/users", """
                {"username":"%s","password":"%s","role":null,"tenantRoles":[{"tenantId":%d,"role":"%s"}]}"""
                .formatted(username, password, tenant.id(), role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var token = admin.basic(username, password).post("/api/v1/api-tokens", "{\"name\":\"" + unique.apply("token") + "\"}");
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        return anonymous.bearer(token.json().get("token").asString());
    }

    String token(long poolId) {
        var created = admin.post("/api/v1/agent-enrollment-tokens",
                "{\"expiresInMinutes\":10,\"maxUses\":1,\"nodePoolId\":" + poolId + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("token").asString();
    }

    /** A node enrolled by the agent protocol with these facts; answers its id and the agent's API. */
    record Agent(long nodeId, Api api) {
    }

    Agent agent(long poolId, String ip, String factsJson) {
        var enrolled = anonymous.post("/api/v1/agent/enroll", "{\"enrollmentToken\":\"" + token(poolId) + "\",\"ip\":\"" + ip
                + "\",\"hostname\":\"gpu-" + ip + "\",\"facts\":" + factsJson + ",\"agentVersion\":\"test\"}");
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        return new Agent(enrolled.json().get("nodeId").asLong(), anonymous.bearer(enrolled.json().get("credential").asString()));
    }

    /** Takes a delivered node out of service, as an operator would before working on it. */
    void maintenance(long nodeId) {
        var moved = admin.post("/api/v1/nodes/" + nodeId + "/lifecycle", "{\"to\":\"MAINTENANCE\",\"reason\":\"repair test\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    String state(long nodeId) {
        JsonNode history = admin.get("/api/v1/nodes/" + nodeId + "/lifecycle").json();
        return history.get(history.size() - 1).get("to").asString();
    }

    /** What the policy publishes after draining the node for an Xid 79 on GPU 0000:3a:00. */
    static RepairRequested xid79(long nodeId, Long eventId, List<RepairAction> chain, int escalateAfter) {
        return new RepairRequested(nodeId, eventId, "xid", "79", "0000:3a:00", chain, escalateAfter, 0L, 1, CHECKS, POLICY,
                "Xid 79: GPU has fallen off the bus");
    }

    JsonNode rma(long nodeId) {
        var record = admin.get("/api/v1/nodes/" + nodeId + "/rma");
        assertThat(record.status()).as(record.toString()).isEqualTo(200);
        return record.json();
    }
}
