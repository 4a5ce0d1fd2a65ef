package io.devops.platform.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.acceptance.AcceptanceVerdicts;
import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.overview.OverviewWorld.Node;
import io.devops.platform.overview.OverviewWorld.Tenant;
import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The home page's overview through the real API: fleet counts by lifecycle state, runs in progress,
 * the latest failures and the charts, each scoped to the caller's tenants as the node list is.
 * Tenant A has two nodes (one in MAINTENANCE), tenant B one; each has a failed run with verdicts
 * and a run in progress. GPU models are unique per test so that the chart's points are this test's.
 */
class OverviewApiTests extends ApiTest {

    @Autowired
    AcceptanceVerdicts verdicts;
    @Autowired
    JdbcClient jdbc;

    private OverviewWorld world;
    private Tenant a;
    private Tenant b;
    private Node a1;
    private Node a2;
    private Node b1;
    private String modelA;
    private String modelB;
    private long failedRunA;
    private long failedRunB;
    private long runningA;
    private long runningB;

    @BeforeEach
    void world() {
        world = new OverviewWorld(admin(), ApiTest::unique, ApiTest::uniqueIp, verdicts, jdbc);
        a = world.tenant();
        b = world.tenant();
        modelA = unique("H100");
        modelB = unique("H200");
        a1 = world.node(a.pool(), modelA);
        a2 = world.node(a.pool(), modelA);
        b1 = world.node(b.pool(), modelB);
        world.maintenance(a2.id(), "fan replaced");
        failedRunA = world.run(a.id(), "FAILED", unique("job_a"));
        failedRunB = world.run(b.id(), "FAILED", unique("job_b"));
        runningA = world.run(a.id(), "RUNNING", unique("job_a"));
        runningB = world.run(b.id(), "RUNNING", unique("job_b"));
        world.verdict(a1, failedRunA, "nccl_all_reduce", CheckVerdict.PASS, 471.5, "busbw 471.5 GB/s >= 460");
        world.verdict(a1, failedRunA, "gpu_inventory", CheckVerdict.FAIL, null, "7 of 8 GPUs on " + a1.ip());
        world.verdict(b1, failedRunB, "nccl_all_reduce", CheckVerdict.FAIL, 300.25, "busbw 300.25 GB/s < 440 on " + b1.ip());
        world.verdict(b1, failedRunB, "xid", CheckVerdict.FAIL, null, "XID 79 on " + b1.ip());
    }

    @AfterEach
    void endRuns() {
        world.endRuns();
    }

    @Test
    void aTenantUserCountsOnlyItsOwnPoolsNodesAndStates() {
        JsonNode overview = overview(world.member(a.id(), "VIEWER"), "");

        assertThat(ids(overview.get("pools"), "poolId")).containsExactly(a.pool());
        JsonNode pool = overview.get("pools").get(0);
        assertThat(pool.get("nodes").asLong()).isEqualTo(2);
        assertThat(pool.get("states").get("DELIVERED").asLong()).isEqualTo(1);
        assertThat(pool.get("states").get("MAINTENANCE").asLong()).isEqualTo(1);
        assertThat(ids(overview.get("tenants"), "tenantId")).containsExactly(a.id());
        assertThat(overview.get("states").get("DELIVERED").asLong()).isEqualTo(1);
        assertThat(overview.get("states").get("MAINTENANCE").asLong()).isEqualTo(1);
    }

    @Test
    void aTenantUserSeesOnlyItsOwnRunsFailuresAndChartPoints() {
        JsonNode overview = overview(world.member(a.id(), "VIEWER"), "");

        assertThat(ids(overview.get("runsInProgress"), "id")).containsExactly(runningA);
        assertThat(ids(overview.get("failedRuns"), "id")).containsExactly(failedRunA);
        assertThat(overview.get("latestFailures")).hasSize(1);
        JsonNode failure = overview.get("latestFailures").get(0);
        assertThat(failure.get("nodeId").asLong()).isEqualTo(a1.id());
        assertThat(failure.get("check").asString()).isEqualTo("gpu_inventory");
        assertThat(failure.get("verdict").asString()).isEqualTo("FAIL");
        assertThat(failure.get("message").asString()).isEqualTo("7 of 8 GPUs on " + a1.ip());
        assertThat(failure.get("runId").asLong()).isEqualTo(failedRunA);
        assertThat(ids(overview.get("failingChecks"), "nodes")).containsExactly(1L);
        assertThat(overview.get("failingChecks").get(0).get("check").asString()).isEqualTo("gpu_inventory");
        assertThat(points(overview, modelB)).isEmpty();
        JsonNode passRate = overview.get("passRate");
        assertThat(passRate).hasSize(1);
        assertThat(passRate.get(0).get("day").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(passRate.get(0).get("judged").asLong()).isEqualTo(1);
        assertThat(passRate.get(0).get("passed").asLong()).isZero();
        String body = overview.toString();
        for (String marker : List.of(b.name(), b.poolName(), b1.ip(), "XID 79")) {
            assertThat(body).as("the other tenant's " + marker).doesNotContain(marker);
        }
    }

    @Test
    void theBusBandwidthChartHasOnePointPerGpuModelAndDay() {
        JsonNode overview = overview(admin(), "");

        List<JsonNode> pointsA = points(overview, modelA);
        assertThat(pointsA).hasSize(1);
        assertThat(pointsA.get(0).get("day").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(pointsA.get(0).get("samples").asLong()).isEqualTo(1);
        assertThat(pointsA.get(0).get("average").asDouble()).isEqualTo(471.5);
        List<JsonNode> pointsB = points(overview, modelB);
        assertThat(pointsB).hasSize(1);
        assertThat(pointsB.get(0).get("min").asDouble()).isEqualTo(300.25);
    }

    @Test
    void theOperationsTeamSeesEveryTenantsCountsRunsAndFailures() {
        JsonNode overview = overview(admin(), "");

        assertThat(ids(overview.get("pools"), "poolId")).contains(a.pool(), b.pool());
        assertThat(ids(overview.get("tenants"), "tenantId")).contains(a.id(), b.id());
        assertThat(ids(overview.get("runsInProgress"), "id")).contains(runningA, runningB);
        assertThat(ids(overview.get("failedRuns"), "id")).contains(failedRunA, failedRunB);
        assertThat(ids(overview.get("latestFailures"), "nodeId")).contains(a1.id(), b1.id());
    }

    @Test
    void aPoolFilterCountsThatPoolsStatesAndFailingChecks() {
        JsonNode overview = overview(admin(), "?poolId=" + b.pool());

        assertThat(ids(overview.get("pools"), "poolId")).containsExactly(b.pool());
        assertThat(overview.get("states").get("DELIVERED").asLong()).isEqualTo(1);
        List<String> failing = new ArrayList<>();
        overview.get("failingChecks").forEach(check -> failing.add(check.get("check").asString() + "=" + check.get("nodes").asLong()));
        assertThat(failing).containsExactlyInAnyOrder("nccl_all_reduce=1", "xid=1");
        assertThat(ids(overview.get("latestFailures"), "nodeId")).containsOnly(b1.id());
    }

    @Test
    void anotherTenantsPoolIsAnswered404LikeAMissingOne() {
        Api memberA = world.member(a.id(), "OPERATOR");

        Api.Response theirs = memberA.get("/api/v1/overview?poolId=" + b.pool());
        Api.Response missing = memberA.get("/api/v1/overview?poolId=987654321");

        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(theirs.body()).doesNotContain(b.poolName());
    }

    @Test
    void aDayCountOutsideTheRangeIsRefusedNamingTheRange() {
        Api.Response refused = admin().get("/api/v1/overview?days=0");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("between 1 and 180");
    }

    private static JsonNode overview(Api caller, String query) {
        Api.Response answer = caller.get("/api/v1/overview" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static List<Long> ids(JsonNode items, String field) {
        List<Long> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get(field).asLong()));
        return ids;
    }

    private static List<JsonNode> points(JsonNode overview, String model) {
        List<JsonNode> points = new ArrayList<>();
        overview.get("ncclBusBandwidth").forEach(point -> {
            if (point.get("gpuModel").asString().equals(model)) {
                points.add(point);
            }
        });
        return points;
    }
}
