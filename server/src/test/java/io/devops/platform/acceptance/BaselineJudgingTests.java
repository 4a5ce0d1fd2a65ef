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
    private static final String NVBANDWIDTH_MODES = "/api/v1/acceptance-judging-modes/nvbandwidth";
    private static final String MULTI_MODES = "/api/v1/acceptance-judging-modes/nccl_all_reduce_multi";
    private static final String HEALTHY_BUSBW = "472.31";
    /** The lowest device-device read of the healthy H100 fixture (GPU 2 reading GPU 7). */
    private static final String HEALTHY_PEER_LOW = "388.55";

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
    @Autowired
    private FleetBaselines baselines;

    private final String branch = Long.toString(100_000 + Math.floorMod(System.nanoTime(), 899_999L));

    @BeforeEach
    void judgeByTheBaseline() {
        Api.Response set = admin().put(MODES, "{\"mode\":\"BASELINE\",\"failBelowPercent\":5,\"warnBelowPercent\":3}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    @AfterEach
    void judgeByTheLineAgain() {
        admin().put(MODES, "{\"mode\":\"ABSOLUTE\"}");
        admin().put(NVBANDWIDTH_MODES, "{\"mode\":\"ABSOLUTE\"}");
        admin().put(MULTI_MODES, "{\"mode\":\"ABSOLUTE\"}");
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
    void nvbandwidthIsJudgedByTheBaselineOfItsDeviceDeviceFigureAndAHostDeviceFailureStaysAFailureByTheLine() {
        assertThat(admin().put(NVBANDWIDTH_MODES, "{\"mode\":\"BASELINE\"}").status()).isEqualTo(200);
        for (double low : List.of(378.0, 379.0, 380.0, 380.0, 380.0, 381.0, 382.0, 383.0)) {
            assertThat(judgeNvbandwidth(low, false).get("verdict").asString()).isEqualTo("PASS");
        }

        JsonNode slow = judgeNvbandwidth(353.4, false);
        JsonNode fine = judgeNvbandwidth(368.6, false);
        JsonNode hostSlow = judgeNvbandwidth(380.0, true);

        assertThat(slow.get("verdict").asString()).as("above its line of 335, 7 % below the fleet").isEqualTo("FAIL");
        assertThat(slow.get("message").asString()).startsWith("353.40 GB/s is 7.00 % below the baseline of 380.00 GB/s (median of 8");
        assertThat(fine.get("verdict").asString()).isEqualTo("PASS");
        assertThat(hostSlow.get("verdict").asString()).isEqualTo("FAIL");
        assertThat(hostSlow.get("message").asString()).startsWith("host-device: lowest 31.07 GB/s");
        assertThat(hostSlow.has("baseline")).as("no baseline judges the host-device figure").isFalse();
        JsonNode baseline = baseline("nvbandwidth", "device_device_gbps");
        assertThat(baseline.get("samples").asInt()).as("the 8 and the PASS at 368.60").isEqualTo(9);
        assertThat(baseline.get("nodeCount").asInt()).isEqualTo(1);
    }

    @Test
    void aMultiNodeBaselineIsKeptPerGroupSize() {
        assertThat(admin().put(MULTI_MODES, "{\"mode\":\"BASELINE\"}").status()).isEqualTo(200);
        String driver = branch + ".54.15";
        for (int i = 0; i < 8; i++) {
            learnGroup(2, 340.0, driver);
            learnGroup(4, 300.0, driver);
        }

        Baselined judgedInFours = baselines.judge(multi(330.0), new NodeContext("H100", 8, 4), driver);

        List<JsonNode> mine = StreamSupport.stream(admin().get("/api/v1/baselines?check=nccl_all_reduce_multi").json().spliterator(), false)
                .filter(baseline -> baseline.get("driverBranch").asString().equals(branch)).toList();
        assertThat(mine).extracting(baseline -> baseline.get("nodeCount").asInt()).containsExactly(2, 4);
        assertThat(mine).extracting(baseline -> baseline.get("value").asDouble()).containsExactly(340.0, 300.0);
        assertThat(judgedInFours.baseline().value()).as("judged against the groups of 4, not of 2").isEqualTo(300.0);
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
        return judge("nccl_all_reduce", PerfFixtures.output("h100-8-healthy", "nccl_all_reduce").replace(HEALTHY_BUSBW,
                "%.2f".formatted(busbw)));
    }

    /** Judges a fresh H100 node of this test's driver branch whose {@code check} printed {@code output}; its stored verdict. */
    private JsonNode judge(String check, String output) {
        String ip = uniqueIp();
        long nodeId = admin().post("/api/v1/nodes", "{\"ip\":\"" + ip + "\",\"gpuType\":\"H100\",\"gpuCount\":8}").id();
        registry.reportFacts(nodeId, "{\"gpu\":{\"model\":\"NVIDIA H100 80GB HBM3\",\"count\":8,\"driverVersion\":\"" + branch
                + ".54.15\"}}", new FactsSummary(null, null, null));
        long runId = run();
        RunNode node = new RunNode(nodeId, ip, "gpu-node", 22, "root", registry.known(nodeId).orElseThrow().nodePoolId(), null, null, null);
        LogAppender log = logs.open(runId);
        try {
            stepVerdicts.judge(runId, 1, node, List.of(node),
                    List.of(new ReportFile("/var/lib/devops/acceptance/" + check + ".txt", output, false, output.length(), null)), log);
        } finally {
            logs.close(runId);
        }
        JsonNode verdicts = admin().get("/api/v1/runs/" + runId + "/verdicts").json();
        assertThat(verdicts).hasSize(1);
        return verdicts.get(0);
    }

    /** Judges a fresh H100 node whose nvbandwidth's lowest device-device read is {@code low}, its host-device too slow when asked. */
    private JsonNode judgeNvbandwidth(double low, boolean hostSlow) {
        String output = PerfFixtures.output("h100-8-healthy", "nvbandwidth").replace(HEALTHY_PEER_LOW, "%.2f".formatted(low));
        if (hostSlow) {
            int row = output.indexOf("\n 0 ", output.indexOf("Running device_to_host_memcpy_ce"));
            String first = output.substring(row + 1, output.indexOf('\n', row + 1));
            output = output.replace(first, first.replaceFirst("^( 0\\s+\\S+\\s+\\S+\\s+)\\S+", "$131.07"));
        }
        return judge("nvbandwidth", output);
    }

    private void learnGroup(int nodes, double busbw, String driver) {
        baselines.learn(Baselined.without(multi(busbw)), new NodeContext("H100", 8, nodes), driver, 1, 1);
    }

    private static CheckResult multi(double busbw) {
        return CheckResult.measured("nccl_all_reduce_multi", CheckVerdict.PASS, busbw, 170.0, "GB/s", "ok");
    }

    private JsonNode baseline() {
        return baseline("nccl_all_reduce", "busbw_gbps");
    }

    private JsonNode baseline(String check, String metric) {
        JsonNode all = admin().get("/api/v1/baselines?gpuModel=H100&check=" + check + "&metric=" + metric).json();
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
