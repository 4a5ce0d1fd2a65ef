package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devops.platform.support.AcceptanceTestNodes;
import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import io.devops.platform.support.TestNodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The multi-node NCCL step at scales end to end: the built-in nccl_multi_test over 16 nodes, run from
 * a launcher (an SSH test node, real ansible-playbook) whose fake mpirun answers, for any host list, the
 * recorded all_reduce_perf at the pace of its slowest host (set in the launcher's /tmp/fake-node-speeds).
 * The other 15 nodes are inventory only: mpirun is the only thing that would reach them.
 */
class MultiNodeScalesRunTests extends ApiTest {

    private static final int NODES = 16;
    private static final int SLOW = 10;

    @Test
    void theOneSlowNodeOfSixteenIsNamedWithinLog2PlusTwoExtraRunsAndNoHealthyNodeFails() throws IOException {
        assumeTrue(TestNodes.available(), "needs root, openssh-server and ansible-core: run scripts/test.sh");
        AcceptanceTestNodes testNodes = AcceptanceTestNodes.shared(AcceptanceRunTests.PROFILES);
        RunFixtures fixtures = new RunFixtures(admin(), TestNodes.shared());
        List<Long> nodes = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            String ip = i == 0 ? testNodes.ip(0) : "127.0.23." + i;
            nodes.add(declareGpus(fixtures.node(ip, testNodes.port(), "scale-" + i), ip, testNodes.port(), "scale-" + i));
            ips.add(ip);
        }
        assertThat(nodes.get(0)).as("the launcher is the run's first node").isEqualTo(nodes.stream().min(Long::compare).orElseThrow());
        Path speeds = testNodes.tmpOf(0).resolve("fake-node-speeds");
        JsonNode lines = admin().get("/api/v1/acceptance-lines").json();
        try {
            Files.writeString(speeds, ips.get(SLOW) + " 0.5\n");
            putLines((ArrayNode) lines.get("lines").deepCopy(), "test adds the 4- and 16-node lines");
            long shell = admin().get("/api/v1/shells?name=nccl_multi_test").json().get("items").get(0).get("id").asLong();
            long template = fixtures.template(unique("scales"), steps -> RunFixtures.scriptStep(steps, shell));
            long runId = fixtures.start(fixtures.job(unique("scales"), "CONTINUE", template, nodes));
            JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(8));
            String log = admin().get("/api/v1/runs/" + runId + "/log").body();

            assertThat(run.get("status").asString()).as(log).isEqualTo("FAILED");
            JsonNode groups = admin().get("/api/v1/runs/" + runId + "/groups").json();
            assertGroupTable(groups, nodes, log);
            assertVerdicts(runId, nodes, ips, run, log);
        } finally {
            Files.deleteIfExists(speeds);
            putLines((ArrayNode) lines.get("lines"), "test restores the lines");
        }
    }

    /** 8 pairs, 4 groups of 4 and the pool, then at most ceil(log2 16) + 2 bisection runs, the last low one naming the slow node. */
    private static void assertGroupTable(JsonNode groups, List<Long> nodes, String log) {
        int planned = 0;
        int extra = 0;
        for (JsonNode row : groups) {
            if (row.get("bisection").get("round").asInt() == 0) {
                planned++;
            } else {
                extra++;
            }
            boolean withSlow = false;
            for (JsonNode node : row.get("nodes")) {
                withSlow |= node.asLong() == nodes.get(SLOW);
            }
            assertThat(row.get("verdict").asString()).as(row + "\n" + log).isEqualTo(withSlow ? "FAIL" : "PASS");
            assertThat(row.get("threshold").asDouble()).as(row.toString()).isEqualTo(340.0);
        }
        assertThat(planned).as(groups.toString()).isEqualTo(8 + 4 + 1);
        // The issue's bound is ceil(log2 16) + 2 = 6; the slow node's pair costs 2: one half with a cleared node, then the other.
        assertThat(extra).as(groups.toString()).isEqualTo(2).isLessThanOrEqualTo(4 + 2);
    }

    private void assertVerdicts(long runId, List<Long> nodes, List<String> ips, JsonNode run, String log) {
        Map<Long, JsonNode> multi = new HashMap<>();
        admin().get("/api/v1/runs/" + runId + "/verdicts").json().forEach(verdict -> {
            if (verdict.get("check").asString().equals("nccl_all_reduce_multi")) {
                assertThat(multi.put(verdict.get("nodeId").asLong(), verdict)).as("one verdict per node").isNull();
            }
        });
        Map<Long, String> status = new HashMap<>();
        run.get("items").get(0).get("steps").get(0).get("hosts").forEach(host -> status.put(host.get("nodeId").asLong(),
                host.get("status").asString()));
        for (int i = 0; i < NODES; i++) {
            JsonNode verdict = multi.get(nodes.get(i));
            assertThat(verdict).as("verdict of " + ips.get(i) + "\n" + log).isNotNull();
            if (i == SLOW) {
                assertThat(verdict.get("verdict").asString()).as(verdict.toString()).isEqualTo("FAIL");
                assertThat(verdict.get("reason").asString()).isEqualTo("THRESHOLD");
                assertThat(verdict.get("message").asString()).contains("named slow by the bisection: run #")
                        .contains(ips.get(i)).contains("180.92 GB/s busbw").contains("below the line of 340.00 GB/s (8 x H100, 2 nodes");
                assertThat(status.get(nodes.get(i))).isEqualTo("FAILED");
            } else {
                assertThat(verdict.get("verdict").asString()).as(verdict + "\n" + log).isEqualTo("PASS");
                assertThat(verdict.get("reason").isNull()).as(verdict.toString()).isTrue();
                assertThat(status.get(nodes.get(i))).as(ips.get(i) + "\n" + log).isEqualTo("SUCCEEDED");
            }
        }
    }

    /** The lines as they are, with the multi-node H100 lines for 4 and 16 nodes added when {@code adding}. */
    private void putLines(ArrayNode lines, String comment) {
        if (comment.contains("adds")) {
            for (int count : List.of(4, NODES)) {
                lines.addObject().put("check", "nccl_all_reduce_multi").put("metric", "busbw_gbps").put("gpuModel", "H100")
                        .put("gpuCount", 8).put("nodeCount", count).put("fabric", "IB").put("minValue", 340.0).put("unit", "GB/s")
                        .put("source", "test: busbw does not depend on the rank count");
            }
        }
        ObjectNode body = RunFixtures.object().put("comment", comment);
        body.set("lines", lines);
        Api.Response response = admin().put("/api/v1/acceptance-lines", body.toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private long declareGpus(long id, String ip, int port, String hostname) {
        JsonNode node = admin().get("/api/v1/nodes/" + id).json();
        Api.Response updated = admin().put("/api/v1/nodes/" + id, RunFixtures.object().put("ip", ip).put("hostname", hostname)
                .put("sshPort", port).put("sshUser", "root").put("nodePoolId", node.get("nodePoolId").asLong())
                .put("gpuType", "NVIDIA H100 80GB HBM3").put("gpuCount", 8).toString());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        return id;
    }
}
