package io.devops.platform.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.health.HealthFixtures;
import io.devops.platform.health.RepairAction;
import io.devops.platform.health.RepairRequested;
import io.devops.platform.support.Api;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Tenants and agents (health's fixtures), nodes out of service, and the requests the policy would publish. */
final class RepairFixtures {

    static final String POLICY = "policy:default@v1";
    static final List<String> CHECKS = List.of("gpu_inventory", "xid", "ecc", "row_remap", "dcgm_diag");

    private final Api admin;
    private final Api anonymous;
    final HealthFixtures health;

    RepairFixtures(Api admin, Api anonymous, Function<String, String> unique) {
        this.admin = admin;
        this.anonymous = anonymous;
        this.health = new HealthFixtures(admin, anonymous, unique);
    }

    /** A node enrolled by the agent protocol with these facts; answers its id and the agent's API. */
    record Agent(long nodeId, Api api) {
    }

    Agent agent(long poolId, String ip, String factsJson) {
        var enrolled = anonymous.post("/api/v1/agent/enroll", "{\"enrollmentToken\":\"" + health.token(poolId) + "\",\"ip\":\"" + ip
                + "\",\"hostname\":\"gpu-" + ip + "\",\"facts\":" + factsJson + ",\"agentVersion\":\"test\"}");
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        return new Agent(enrolled.json().get("nodeId").asLong(), anonymous.bearer(enrolled.json().get("credential").asString()));
    }

    /** Takes a delivered node out of service, as an operator would before working on it. */
    void maintenance(long nodeId) {
        var moved = admin.post("/api/v1/nodes/" + nodeId + "/lifecycle", "{\"to\":\"MAINTENANCE\",\"reason\":\"repair test\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
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
