package io.devops.platform.health;

import static io.devops.platform.health.HealthFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Draining and RMA by hand, the node's health page, and accepting or dismissing the policy's recommendations. */
class NodeRepairApiTests extends ApiTest {

    private static final String T0 = "2026-12-07T10:00:00Z";

    private HealthFixtures tenants;
    private DecisionFixtures fixtures;

    @BeforeEach
    void fixtures() {
        tenants = new HealthFixtures(admin(), anonymous(), ApiTest::unique);
        fixtures = new DecisionFixtures(admin(), ApiTest::unique);
    }

    @Test
    void drainingByHandMovesAReadyNodeToRepairAndRefusesWhatTheTableForbids() {
        long node = readyTeamNode(DecisionFixtures.WIDE).nodeId();

        var drained = admin().post("/api/v1/nodes/" + node + "/drain", "{\"reason\":\"fans failing\"}");

        assertThat(drained.status()).as(drained.toString()).isEqualTo(200);
        assertThat(drained.json().get("from").asString()).isEqualTo("READY");
        assertThat(drained.json().get("state").asString()).isEqualTo("REPAIR");
        assertThat(fixtures.state(node)).isEqualTo("REPAIR");
        var again = admin().post("/api/v1/nodes/" + node + "/drain", "{\"reason\":\"again\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("cannot go from REPAIR to REPAIR");
        var noReason = admin().post("/api/v1/nodes/" + node + "/drain", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        long delivered = tenants.agent(tenants.tenant().pool(), uniqueIp()).nodeId();
        var refused = admin().post("/api/v1/nodes/" + delivered + "/drain", "{\"reason\":\"xid\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("DELIVERED", "release it to the spare pool first");
        assertThat(fixtures.state(delivered)).isEqualTo("DELIVERED");
    }

    @Test
    void aDrainedNodeTakesNoNewRunAndTheJobIsRefusedNamingIt() {
        HealthFixtures.Agent agent = readyTeamNode(DecisionFixtures.WIDE);
        RunFixtures runs = new RunFixtures(admin(), null);
        long shell = runs.shell(unique("drained"), "true", null, "agent");
        long job = runs.job(unique("drained"), "STOP", runs.template(unique("drained"), steps -> RunFixtures.scriptStep(steps, shell)),
                List.of(agent.nodeId()));
        assertThat(admin().post("/api/v1/nodes/" + agent.nodeId() + "/drain", "{\"reason\":\"xid 79\"}").status()).isEqualTo(200);

        var refused = admin().post("/api/v1/jobs/" + job + "/runs", "{}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("(REPAIR) drained", "takes no new runs");
        assertThat(admin().get("/api/v1/runs?jobId=" + job).json().get("total").asLong()).isZero();
    }

    @Test
    void aRepairNodeLeavesByHandOnlyForRmaNotForTesting() {
        long node = readyTeamNode(DecisionFixtures.WIDE).nodeId();
        admin().post("/api/v1/nodes/" + node + "/drain", "{\"reason\":\"bad GPU\"}");

        var testing = admin().post("/api/v1/nodes/" + node + "/lifecycle", "{\"to\":\"TESTING\"}");
        assertThat(testing.status()).isEqualTo(409);
        assertThat(testing.json().get("detail").asString()).contains("POST /api/v1/nodes/" + node + "/return");
        assertThat(fixtures.state(node)).isEqualTo("REPAIR");

        var rma = admin().post("/api/v1/nodes/" + node + "/rma", "{\"reason\":\"GPU replaced by the vendor\"}");
        assertThat(rma.status()).as(rma.toString()).isEqualTo(200);
        assertThat(fixtures.state(node)).isEqualTo("RMA");
        assertThat(admin().post("/api/v1/nodes/" + node + "/rma", "{\"reason\":\"again\"}").status()).isEqualTo(409);
    }

    @Test
    void aDeliveredNodesHealthPageShowsTheRecommendationToItsTenantOnly() {
        HealthFixtures.Tenant tenant = tenants.tenant();
        HealthPolicyVersion policy = fixtures.usePolicy(tenant.pool(), DecisionFixtures.WIDE, false);
        HealthFixtures.Agent agent = tenants.agent(tenant.pool(), uniqueIp());
        assertThat(agent.report(event("79", T0, T0, 1, true)).status()).isEqualTo(200);

        JsonNode page = tenants.member(tenant).get("/api/v1/nodes/" + agent.nodeId() + "/health").json();

        assertThat(page.get("events")).singleElement().satisfies(e -> {
            assertThat(e.get("policyVersion").asInt()).isEqualTo(policy.version());
            assertThat(e.get("action").asString()).isEqualTo("RECOMMENDED");
        });
        assertThat(page.get("decisions")).singleElement()
                .satisfies(d -> assertThat(d.get("reason").asString()).contains("DELIVERED", "never acts alone"));
        assertThat(page.get("repairs")).isEmpty();
        assertThat(page.get("recommendations")).singleElement()
                .satisfies(r -> assertThat(r.get("status").asString()).isEqualTo("OPEN"));
        assertThat(tenants.member(tenants.tenant()).get("/api/v1/nodes/" + agent.nodeId() + "/health").status()).isEqualTo(404);
        assertThat(tenants.member(tenant).post("/api/v1/nodes/" + agent.nodeId() + "/drain", "{\"reason\":\"x\"}").status())
                .isEqualTo(403);
    }

    @Test
    void aRecommendationForADeliveredNodeCannotBeAcceptedUntilReleasedAndCanBeDismissed() {
        HealthFixtures.Tenant tenant = tenants.tenant();
        HealthFixtures.Agent agent = tenants.agent(tenant.pool(), uniqueIp());
        agent.report(event("79", T0, T0, 1, true));
        long id = fixtures.recommendations("open=true&nodeId=" + agent.nodeId()).get("items").get(0).get("id").asLong();

        var accepted = admin().post("/api/v1/repair-recommendations/" + id + "/accept", "{\"comment\":\"go\"}");
        assertThat(accepted.status()).isEqualTo(409);
        assertThat(accepted.json().get("detail").asString()).contains("release it to the spare pool first");
        assertThat(fixtures.recommendations("open=true&nodeId=" + agent.nodeId()).get("total").asLong()).isEqualTo(1);

        var dismissed = admin().post("/api/v1/repair-recommendations/" + id + "/dismiss", "{\"comment\":\"tenant runs a burn-in\"}");
        assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(200);
        assertThat(dismissed.json().get("status").asString()).isEqualTo("DISMISSED");
        assertThat(dismissed.json().get("comment").asString()).isEqualTo("tenant runs a burn-in");
        assertThat(dismissed.json().get("resolvedBy").asString()).isEqualTo("admin");
        assertThat(admin().post("/api/v1/repair-recommendations/" + id + "/dismiss", "{}").status()).isEqualTo(409);
        assertThat(fixtures.state(agent.nodeId())).isEqualTo("DELIVERED");
    }

    @Test
    void acceptingARecommendationPastTheLimitDrainsTheNodeWithThePersonAsActor() {
        HealthLimits onePerPool = new HealthLimits(1, 100, 1_000_000);
        HealthFixtures.Agent first = readyTeamNode(onePerPool);
        long pool = poolOf(first.nodeId());
        HealthFixtures.Agent second = tenants.agent(pool, uniqueIp());
        fixtures.ready(second.nodeId());
        first.report(event("79", T0, T0, 1, true));
        second.report(event("79", T0, T0, 1, true));
        assertThat(fixtures.state(first.nodeId())).isEqualTo("REPAIR");
        assertThat(fixtures.state(second.nodeId())).isEqualTo("READY");
        long id = fixtures.recommendations("open=true&nodeId=" + second.nodeId()).get("items").get(0).get("id").asLong();

        var accepted = admin().post("/api/v1/repair-recommendations/" + id + "/accept", "{\"comment\":\"drain it now\"}");

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(fixtures.state(second.nodeId())).isEqualTo("REPAIR");
        JsonNode history = admin().get("/api/v1/nodes/" + second.nodeId() + "/lifecycle").json();
        assertThat(history.get(history.size() - 1).get("actor").asString()).isEqualTo("admin");
        assertThat(history.get(history.size() - 1).get("reason").asString()).contains("recommendation #" + id, "drain it now");
    }

    @Test
    void aConditionIsDecidedOnceWhenItOpensAndOnceMoreWhenItsSeverityRises() {
        HealthFixtures.Tenant tenant = tenants.tenant();
        HealthFixtures.Agent agent = tenants.agent(tenant.pool(), uniqueIp());
        String warning = event("79", T0, T0, 1, true).replace("CRITICAL", "WARNING");

        agent.report(warning);
        agent.report(event("79", T0, "2026-12-07T10:01:00Z", 2, true).replace("CRITICAL", "WARNING"));
        agent.report(event("79", T0, "2026-12-07T10:02:00Z", 3, true));
        agent.report(event("79", T0, "2026-12-07T10:02:00Z", 3, true)); // re-sent

        JsonNode decisions = admin().get("/api/v1/nodes/" + agent.nodeId() + "/health").json().get("decisions");
        assertThat(decisions).extracting(d -> d.get("severity").asString()).containsExactly("CRITICAL", "WARNING");
    }

    private HealthFixtures.Agent readyTeamNode(HealthLimits limits) {
        long pool = fixtures.ownPool();
        fixtures.usePolicy(pool, limits, false);
        HealthFixtures.Agent agent = tenants.agent(pool, uniqueIp());
        fixtures.ready(agent.nodeId());
        return agent;
    }

    private long poolOf(long nodeId) {
        return admin().get("/api/v1/nodes/" + nodeId).json().get("nodePoolId").asLong();
    }
}
