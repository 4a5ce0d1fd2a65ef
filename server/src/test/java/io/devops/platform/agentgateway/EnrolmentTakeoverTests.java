package io.devops.platform.agentgateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.agentgateway.AgentFixtures.Agent;
import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A token enrols only addresses nobody knows: an agent declaring a known node's address waits for
 * an admin, and only a node-bound token replaces a node's agent at once. Protocol-level agents.
 */
class EnrolmentTakeoverTests extends ApiTest {

    private static final String SECRET = "claim-secret-of-the-waiting-agent-0123456789";
    private static final String FACTS = "{\"hostname\":\"intruder\",\"gpu\":{\"model\":\"NVIDIA A10\",\"count\":1}}";

    private AgentFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AgentFixtures(admin(), anonymous());
    }

    @Test
    void anotherTenantsTokenDeclaringAKnownAddressWaitsForAnAdminAndTheNodeKeepsItsAgent() {
        long poolA = fixtures.tenantPool(unique("tenant_a"));
        long poolB = fixtures.tenantPool(unique("tenant_b"));
        String ip = uniqueIp();
        Agent owner = fixtures.agent(fixtures.token(1, poolA), ip);

        var waiting = fixtures.enrol(fixtures.token(1, poolB), ip, FACTS, SECRET);

        assertThat(waiting.status()).as(waiting.toString()).isEqualTo(202);
        assertThat(waiting.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(waiting.json().has("credential")).isFalse();
        JsonNode node = admin().get("/api/v1/nodes/" + owner.nodeId()).json();
        assertThat(node.get("nodePoolId").asLong()).isEqualTo(poolA);
        assertThat(node.get("hostname").asString()).isEqualTo("gpu-" + ip);
        assertThat(owner.api().post("/api/v1/agent/heartbeat", "{}").status()).isEqualTo(200);
        assertThat(fixtures.claim(waiting.json().get("enrollmentId").asLong(), SECRET).json().get("status").asString())
                .isEqualTo("PENDING");
    }

    @Test
    void whatIsDoneToATenantsNodeAgentIsAuditedInThatTenant() {
        long pool = fixtures.tenantPool(unique("tenant_a"));
        long tenant = admin().get("/api/v1/node-pools/" + pool).json().get("tenantId").asLong();
        String ip = uniqueIp();
        Agent owner = fixtures.agent(fixtures.token(1, pool), ip);
        long pending = fixtures.enrol(fixtures.token(1, null), ip, FACTS, SECRET).json().get("enrollmentId").asLong();
        assertThat(admin().post("/api/v1/agent-enrollments/" + pending + "/reject", "{}").status()).isEqualTo(200);
        assertThat(admin().post("/api/v1/nodes/" + owner.nodeId() + "/agent/revoke", "{}").status()).isEqualTo(200);

        JsonNode events = admin().get("/api/v1/audit-events?tenantId=" + tenant + "&size=50").json().get("items");

        assertThat(events.findValuesAsString("action")).contains("agent.enrolled", "agent-enrollment.pending",
                "agent-enrollment.rejected", "agent.revoked");
    }

    @Test
    void thePendingEnrolmentShowsTheDeclaredFactsBesideTheKnownOnesAndFlagsAnotherConnectionAddress() {
        long poolB = fixtures.tenantPool(unique("tenant_b"));
        String ip = uniqueIp();
        Agent owner = fixtures.agent(ip);
        long id = fixtures.enrol(fixtures.token(1, poolB), ip, FACTS, SECRET).json().get("enrollmentId").asLong();

        JsonNode entry = pendingEntry(id);

        assertThat(entry.get("declaredIp").asString()).isEqualTo(ip);
        assertThat(entry.get("nodeId").asLong()).isEqualTo(owner.nodeId());
        assertThat(entry.get("tokenPoolId").asLong()).isEqualTo(poolB);
        assertThat(entry.get("facts").get("gpu").get("model").asString()).isEqualTo("NVIDIA A10");
        assertThat(entry.get("known").get("hostname").asString()).isEqualTo("gpu-" + ip);
        assertThat(entry.get("at").isNull()).isFalse();
        // The test client connects from 127.0.0.1, not from the loopback address it declared.
        assertThat(entry.get("seenFrom").asString()).isEqualTo("127.0.0.1");
        assertThat(entry.get("addressDiffers").asBoolean()).isTrue();
        assertThat(entry.toString()).doesNotContain(SECRET).doesNotContain("secretHash");
        JsonNode audited = admin().get("/api/v1/audit-events?action=agent-enrollment.pending&entityType=agent-enrollment")
                .json().get("items");
        assertThat(audited.toString()).contains("\"entityId\":\"" + id + "\"").contains("NVIDIA A10").contains("gpu-" + ip);
    }

    @Test
    void approvalGivesTheWaitingAgentTheNodeOnceAndRefusesTheOldAgent() {
        String ip = uniqueIp();
        Agent owner = fixtures.agent(ip);
        long id = fixtures.enrol(fixtures.token(1, null), ip, FACTS, SECRET).json().get("enrollmentId").asLong();

        var approved = admin().post("/api/v1/agent-enrollments/" + id + "/approve", "{\"comment\":\"host reinstalled\"}");
        var claimed = fixtures.claim(id, SECRET);

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(owner.api().post("/api/v1/agent/heartbeat", "{}").status()).isEqualTo(401);
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        assertThat(claimed.json().get("nodeId").asLong()).isEqualTo(owner.nodeId());
        String credential = claimed.json().get("credential").asString();
        assertThat(anonymous().bearer(credential).post("/api/v1/agent/heartbeat", "{}").status()).isEqualTo(200);
        assertThat(fixtures.claim(id, SECRET).status()).isEqualTo(401);
        assertThat(admin().post("/api/v1/agent-enrollments/" + id + "/reject", "{}").status()).isEqualTo(409);
        JsonNode audited = admin().get("/api/v1/audit-events?action=agent-enrollment.approved&entityType=agent-enrollment")
                .json().get("items");
        assertThat(audited.toString()).contains("\"entityId\":\"" + id + "\"");
    }

    @Test
    void onlyTheAgentWithTheSecretCanClaimAndARejectedOneIsToldWhy() {
        String ip = uniqueIp();
        Agent owner = fixtures.agent(ip);
        long id = fixtures.enrol(fixtures.token(1, null), ip, FACTS, SECRET).json().get("enrollmentId").asLong();

        var wrongSecret = fixtures.claim(id, SECRET.replace('0', 'x'));
        var rejected = admin().post("/api/v1/agent-enrollments/" + id + "/reject", "{\"comment\":\"not ours\"}");
        var claimAfterReject = fixtures.claim(id, SECRET);

        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(claimAfterReject.status()).isEqualTo(403);
        assertThat(claimAfterReject.json().get("detail").asString()).contains("rejected").contains("not ours");
        assertThat(owner.api().post("/api/v1/agent/heartbeat", "{}").status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/agent-enrollments?status=PENDING&size=500").body()).doesNotContain("\"id\":" + id + ",");
    }

    @Test
    void aNodeBoundTokenReEnrolsThatNodeAtOnceAndNoOtherAddress() {
        String ip = uniqueIp();
        Agent owner = fixtures.agent(ip);
        String bound = fixtures.tokenFor(owner.nodeId());

        var elsewhere = fixtures.enrol(bound, uniqueIp(), FACTS, SECRET);
        var reEnrolled = fixtures.enrol(bound, ip, FACTS, SECRET);

        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.json().get("detail").asString()).contains("re-enrols node " + owner.nodeId() + " only");
        assertThat(reEnrolled.status()).as(reEnrolled.toString()).isEqualTo(201);
        assertThat(reEnrolled.json().get("nodeId").asLong()).isEqualTo(owner.nodeId());
        assertThat(owner.api().post("/api/v1/agent/heartbeat", "{}").status()).isEqualTo(401);
    }

    @Test
    void aNodeBoundTokenNamesAnExistingNodeAndNoPoolOrSecondUse() {
        long node = fixtures.agent(uniqueIp()).nodeId();

        var missing = admin().post("/api/v1/agent-enrollment-tokens", "{\"nodeId\":999999999}");
        var withPool = admin().post("/api/v1/agent-enrollment-tokens", "{\"nodeId\":" + node + ",\"nodePoolId\":1}");
        var twoUses = admin().post("/api/v1/agent-enrollment-tokens", "{\"nodeId\":" + node + ",\"maxUses\":2}");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(withPool.status()).isEqualTo(400);
        assertThat(twoUses.status()).isEqualTo(400);
        assertThat(twoUses.json().get("detail").asString()).contains("maxUses");
    }

    @Test
    void aKnownAddressWithoutAClaimSecretIsRefusedAndTakesNoUse() {
        String ip = uniqueIp();
        fixtures.agent(ip);
        String token = fixtures.token(1, null);

        var refused = fixtures.enrol(token, ip, FACTS);
        var fresh = fixtures.enrol(token, uniqueIp(), FACTS);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("already known");
        assertThat(fresh.status()).isEqualTo(201);
    }

    @Test
    void onlyAdminsSeeAndDecidePendingEnrolments() {
        String operator = unique("op");
        admin().post("/api/v1/users", "{\"username\":\"" + operator + "\",\"password\":\"operator-password-1\",\"role\":\"OPERATOR\"}");
        var asOperator = anonymous().basic(operator, "operator-password-1");

        assertThat(asOperator.get("/api/v1/agent-enrollments?status=PENDING").status()).isEqualTo(403);
        assertThat(asOperator.post("/api/v1/agent-enrollments/1/approve", "{}").status()).isEqualTo(403);
        assertThat(admin().get("/api/v1/agent-enrollments?status=MAYBE").status()).isEqualTo(400);
    }

    private JsonNode pendingEntry(long id) {
        JsonNode page = admin().get("/api/v1/agent-enrollments?status=PENDING&size=500").json();
        assertThat(page.get("total").asLong()).isPositive();
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("pending enrolment " + id + " is not listed: " + page);
    }
}
