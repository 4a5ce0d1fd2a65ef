package io.devops.platform.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.execution.logs.LogAppender;
import io.devops.platform.execution.logs.LogFlusher;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.verdicts.StepVerdicts;
import io.devops.platform.execution.verdicts.StepVerdicts.ReportFile;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.inventory.NodeRegistry;
import io.devops.platform.inventory.NodeRegistry.FactsSummary;
import io.devops.platform.support.Api;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.databind.JsonNode;

/**
 * Baselines through the real judging path: each node's all_reduce_perf output is set by the test (the
 * healthy H100 fixture with its busbw at 16 GiB replaced), judged and stored by StepVerdicts as a
 * collected report is, with the check judged by BASELINE. Each test has a driver branch of its own, so
 * that no other test's results move its baselines.
 */
class BaselineJudgingTests extends AcceptanceApiTest {

    private static final String MODES = "/api/v1/acceptance-judging-modes/nccl_all_reduce";
    private static final String HEALTHY_BUSBW = "472.31";

    @Autowired
    private StepVerdicts stepVerdicts;
    @Autowired
    private LogFlusher logs;
    @Autowired
    private NodeRegistry registry;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private BaselineStore store;
    @Autowired
    private JudgingRules rules;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private Clock clock;

    private final String branch = Long.toString(100_000 + Math.floorMod(System.nanoTime(), 899_999L));

    @BeforeEach
    void judgeByTheBaseline() {
        Api.Response set = admin().put(MODES, "{\"mode\":\"BASELINE\",\"failBelowPercent\":5,\"warnBelowPercent\":3}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    @AfterEach
    void judgeByTheLineAgain() {
        admin().put(MODES, "{\"mode\":\"ABSOLUTE\"}");
    }

    @Test
    void aNodeSevenPercentBelowTheBaselineOfEightPassingResultsFailsNamingItAndOneThreePercentBelowPasses() {
        JsonNode first = judge(476.0);
        assertThat(first.get("verdict").asString()).isEqualTo("PASS");
        assertThat(first.get("message").asString()).endsWith("no baseline yet (0 of 8 samples): judged by the line alone");
        assertThat(first.has("baseline")).isFalse();
        for (double busbw : List.of(478.0, 479.0, 480.0, 480.0, 481.0, 482.0, 484.0)) {
            assertThat(judge(busbw).get("verdict").asString()).isEqualTo("PASS");
        }

        JsonNode slow = judge(446.4);
        JsonNode fine = judge(465.6);

        assertThat(slow.get("verdict").asString()).isEqualTo("FAIL");
        assertThat(slow.get("reason").asString()).isEqualTo("THRESHOLD");
        assertThat(slow.get("message").asString()).isEqualTo("446.40 GB/s is 7.00 % below the baseline of 480.00 GB/s (median of 8"
                + " passing results of H100, driver " + branch + "): FAIL over 5.00 % below, WARN over 3.00 % below");
        assertThat(slow.get("baseline").get("value").asDouble()).isEqualTo(480.0);
        assertThat(slow.get("baseline").get("samples").asInt()).isEqualTo(8);
        assertThat(fine.get("verdict").asString()).isEqualTo("PASS");
        assertThat(fine.get("message").asString()).startsWith("465.60 GB/s is 3.00 % below the baseline of 480.00 GB/s");
        assertThat(fine.get("baseline").get("samples").asInt()).as("the FAIL added nothing").isEqualTo(8);
        JsonNode baseline = baseline();
        assertThat(baseline.get("samples").asInt()).as("the PASS at 465.60 joined it").isEqualTo(9);
        assertThat(baseline.get("value").asDouble()).isEqualTo(480.0);
        assertThat(baseline.get("window").asInt()).isEqualTo(20);
        assertThat(baseline.get("pinned").asBoolean()).isFalse();
    }

    @Test
    void aPinnedBaselineDoesNotMoveUntilAnAdminUnpinsIt() {
        for (int i = 0; i < 8; i++) {
            judge(480.0);
        }
        long id = baseline().get("id").asLong();
        String path = "/api/v1/baselines/" + id;
        assertThat(user("OPERATOR").post(path + "/pin", "{\"comment\":\"mine\"}").status()).isEqualTo(403);
        assertThat(admin().post(path + "/pin", "{}").status()).isEqualTo(400);

        Api.Response pinned = admin().post(path + "/pin", "{\"comment\":\"fleet reference before the driver update\"}");
        for (int i = 0; i < 8; i++) {
            judge(470.0);
        }

        assertThat(pinned.status()).as(pinned.toString()).isEqualTo(200);
        JsonNode frozen = baseline();
        assertThat(frozen.get("value").asDouble()).isEqualTo(480.0);
        assertThat(frozen.get("pinned").asBoolean()).isTrue();
        assertThat(frozen.get("pinComment").asString()).isEqualTo("fleet reference before the driver update");
        assertThat(frozen.get("pinnedBy").asString()).isEqualTo("admin");
        Api.Response unpinned = admin().post(path + "/unpin", "{\"comment\":\"driver update accepted\"}");
        assertThat(unpinned.status()).as(unpinned.toString()).isEqualTo(200);
        assertThat(unpinned.json().get("value").asDouble()).as("median of the latest 16: 8 at 480, 8 at 470").isEqualTo(475.0);
        JsonNode history = admin().get(path + "/history").json();
        assertThat(StreamSupport.stream(history.spliterator(), false).map(point -> point.get("value").asDouble()).toList())
                .containsExactly(480.0, 480.0, 480.0, 480.0, 480.0, 480.0, 480.0, 480.0, 475.0);
    }

    @Test
    void theMedianIsOfTheLatestWindowOfPassingResults() {
        FleetBaselines small = new FleetBaselines(store, rules, audit, clock, 3, 2);
        NodeContext node = NodeContext.single("H100", 8);
        String driver = branch + ".54.15";
        for (double busbw : List.of(400.0, 410.0, 470.0, 480.0, 490.0)) {
            small.learn(Baselined.without(CheckResult.measured("nccl_all_reduce", CheckVerdict.PASS, busbw, 460.0, "GB/s", "ok")),
                    node, driver, 1, 1);
        }
        small.learn(Baselined.without(CheckResult.measured("nccl_all_reduce", CheckVerdict.FAIL, 100.0, 460.0, "GB/s", "slow")),
                node, driver, 1, 1);

        JsonNode baseline = baseline();
        assertThat(baseline.get("value").asDouble()).isEqualTo(480.0);
        assertThat(baseline.get("samples").asInt()).isEqualTo(3);
        assertThat(baseline.get("window").asInt()).isEqualTo(3);
    }

    @Test
    void aBadFilterIsABadRequestNamingTheField() {
        Api.Response response = admin().get("/api/v1/baselines?check=no_such_check");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body()).contains("check");
        assertThat(admin().put(MODES, "{\"mode\":\"SOMETIMES\"}").status()).isEqualTo(400);
        assertThat(user("OPERATOR").put(MODES, "{\"mode\":\"BOTH\"}").status()).isEqualTo(403);
    }

    /** Judges a fresh H100 node of this test's driver branch whose all_reduce_perf measured {@code busbw}; its stored verdict. */
    private JsonNode judge(double busbw) {
        String ip = uniqueIp();
        long nodeId = admin().post("/api/v1/nodes", "{\"ip\":\"" + ip + "\",\"gpuType\":\"H100\",\"gpuCount\":8}").id();
        registry.reportFacts(nodeId, "{\"gpu\":{\"model\":\"NVIDIA H100 80GB HBM3\",\"count\":8,\"driverVersion\":\"" + branch
                + ".54.15\"}}", new FactsSummary(null, null, null));
        long runId = run();
        RunNode node = new RunNode(nodeId, ip, "gpu-node", 22, "root", registry.known(nodeId).orElseThrow().nodePoolId(), null, null, null);
        String output = PerfFixtures.output("h100-8-healthy", "nccl_all_reduce").replace(HEALTHY_BUSBW, "%.2f".formatted(busbw));
        LogAppender log = logs.open(runId);
        try {
            stepVerdicts.judge(runId, 1, node, List.of(node),
                    List.of(new ReportFile("/var/lib/devops/acceptance/nccl_all_reduce.txt", output, false, output.length(), null)), log);
        } finally {
            logs.close(runId);
        }
        JsonNode verdicts = admin().get("/api/v1/runs/" + runId + "/verdicts").json();
        assertThat(verdicts).hasSize(1);
        return verdicts.get(0);
    }

    private JsonNode baseline() {
        JsonNode all = admin().get("/api/v1/baselines?gpuModel=H100&check=nccl_all_reduce&metric=busbw_gbps").json();
        Optional<JsonNode> mine = StreamSupport.stream(all.spliterator(), false)
                .filter(baseline -> baseline.get("driverBranch").asString().equals(branch)).findFirst();
        assertThat(mine).as(all.toString()).isPresent();
        return mine.orElseThrow();
    }

    private long run() {
        var keys = new GeneratedKeyHolder();
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO runs (job_id, original_job_id, job_version, job_name, failure_policy, status, executed_by,
                                  run_kind, queued_at, started_at, finished_at, tenant_id, executor)
                VALUES (0, 0, 1, 'baseline-tests', 'STOP', 'SUCCEEDED', 'admin', 'RUN', ?, ?, ?, NULL, 'baseline-tests')""")
                .params(now, now, now).update(keys, "id");
        return keys.getKey().longValue();
    }
}
