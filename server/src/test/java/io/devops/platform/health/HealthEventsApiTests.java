package io.devops.platform.health;

import static io.devops.platform.health.HealthFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Agents report conditions over the protocol; the API lists them per node, pool, severity and open, tenant-scoped. */
class HealthEventsApiTests extends ApiTest {

    private static final String T0 = "2026-12-07T10:00:00.123456789Z";
    private HealthFixtures fixtures;
    private HealthFixtures.Tenant tenant;
    private HealthFixtures.Agent agent;

    @BeforeEach
    void node() {
        fixtures = new HealthFixtures(admin(), anonymous(), ApiTest::unique);
        tenant = fixtures.tenant();
        agent = fixtures.agent(tenant.pool(), uniqueIp());
    }

    @Test
    void repeatedAndResentReportsOfAConditionUpdateOneRowToTheNewest() {
        assertThat(agent.report(event("79", T0, T0, 1, true)).status()).isEqualTo(200);
        assertThat(agent.report(event("79", T0, "2026-12-07T10:02:00Z", 3, true)).status()).isEqualTo(200);
        assertThat(agent.report(event("79", T0, T0, 1, true)).status()).isEqualTo(200); // an overtaken re-send

        JsonNode page = events("nodeId=" + agent.nodeId());

        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode row = page.get("items").get(0);
        assertThat(row.get("nodeId").asLong()).isEqualTo(agent.nodeId());
        assertThat(row.get("component").asString()).isEqualTo("xid");
        assertThat(row.get("code").asString()).isEqualTo("79");
        assertThat(row.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(row.get("count").asLong()).isEqualTo(3);
        assertThat(row.get("firstSeen").asString()).isEqualTo("2026-12-07T10:00:00.123456Z");
        assertThat(row.get("lastSeen").asString()).isEqualTo("2026-12-07T10:02:00Z");
        assertThat(row.get("open").asBoolean()).isTrue();
        assertThat(row.get("evidence").asString()).isEqualTo("NVRM: Xid (PCI:0000:18:00): 79, pid=1");
        // The tenant's node is DELIVERED: the policy's decision is a recommendation, under the interim policy's version 1.
        assertThat(row.get("policyVersion").asInt()).isEqualTo(1);
        assertThat(row.get("action").asString()).isEqualTo("RECOMMENDED");
    }

    @Test
    void aClearedConditionIsClosedAndOneThatComesBackIsANewRow() {
        agent.report(event("74", T0, "2026-12-07T10:05:00Z", 2, true));
        agent.report(event("74", T0, "2026-12-07T10:05:00Z", 2, false));
        agent.report(event("74", T0, "2026-12-07T10:05:00Z", 2, true)); // the open report re-sent after the close
        agent.report(event("74", "2026-12-07T11:00:00Z", "2026-12-07T11:00:00Z", 1, true));

        assertThat(events("nodeId=" + agent.nodeId() + "&open=false").get("items")).singleElement()
                .satisfies(row -> assertThat(row.get("firstSeen").asString()).isEqualTo("2026-12-07T10:00:00.123456Z"));
        assertThat(events("nodeId=" + agent.nodeId() + "&open=true").get("items")).singleElement()
                .satisfies(row -> assertThat(row.get("firstSeen").asString()).isEqualTo("2026-12-07T11:00:00Z"));
    }

    @Test
    void filtersBySeverityAndPoolAndRefusesAnUnknownSeverity() {
        agent.report(event("79", T0, T0, 1, true) + "," + event("13", T0, T0, 1, true).replace("CRITICAL", "INFO"));

        assertThat(events("poolId=" + tenant.pool() + "&severity=info").get("items")).singleElement()
                .satisfies(row -> assertThat(row.get("code").asString()).isEqualTo("13"));
        var bad = admin().get("/api/v1/health-events?severity=FATAL");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("severity");
    }

    @Test
    void aBadEventIsRefusedNamingItsFieldAndNothingIsStored() {
        var refused = agent.report(event("79", T0, T0, 1, true) + "," + event("79; rm -rf /", T0, T0, 1, true));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body()).contains("code");
        assertThat(events("nodeId=" + agent.nodeId()).get("total").asLong()).isZero();
    }

    @Test
    void aTenantUserSeesItsOwnNodesEventsOnly() {
        agent.report(event("79", T0, T0, 1, true));
        HealthFixtures.Tenant other = fixtures.tenant();

        assertThat(fixtures.member(tenant).get("/api/v1/health-events?nodeId=" + agent.nodeId()).json().get("total").asLong())
                .isEqualTo(1);
        var outsider = fixtures.member(other).get("/api/v1/health-events?nodeId=" + agent.nodeId());
        assertThat(outsider.status()).isEqualTo(200);
        assertThat(outsider.json().get("total").asLong()).isZero();
        assertThat(fixtures.member(other).get("/api/v1/health-events?size=500").json().get("items").toString())
                .doesNotContain("\"nodeId\":" + agent.nodeId() + ",");
    }

    private JsonNode events(String query) {
        var answer = admin().get("/api/v1/health-events?" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }
}
