package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devops.platform.content.FakeFileServer;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import io.devops.platform.support.TestNodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import io.devops.platform.support.AgentProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The built-in "GPU node delivery" template, unchanged, on the three SSH test nodes through real
 * ansible-playbook: the built-in roles and scripts run for real, with the fake GPU tools first on
 * the nodes' PATH (test resources fake-bin/, set by TestNodes).
 */
class BuiltinDeliveryRunTests extends ApiTest {

    @TempDir
    Path agentDirs;

    private final List<AgentProcess> agents = new ArrayList<>();

    @AfterEach
    void stopAgents() throws InterruptedException {
        for (AgentProcess agent : agents) {
            agent.close();
        }
    }

    @Test
    void theGpuNodeDeliveryTemplateRunsOnThreeNodesWithResultsReportsAndAStreamedLog() throws Exception {
        assumeTrue(TestNodes.available(), "needs root, openssh-server and ansible-core: run scripts/test.sh");
        TestNodes testNodes = TestNodes.shared();
        FakeFileServer.install();
        FakeFileServer.defaultNodes(testNodes);
        var fixtures = new RunFixtures(admin(), testNodes);
        List<Long> nodes = fixtures.testNodeIds();
        startAgents(testNodes, nodes);
        long template = builtinTemplate("GPU node delivery");
        long runId = fixtures.start(fixtures.job(unique("delivery"), "STOP", template, nodes));

        CompletableFuture<List<String>> events = HttpClient.newHttpClient().sendAsync(HttpRequest
                        .newBuilder(URI.create("http://localhost:" + port + "/api/v1/runs/" + runId + "/events"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                                .getBytes(StandardCharsets.UTF_8)))
                        .timeout(Duration.ofMinutes(4)).build(), HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> response.body().toList());
        JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(4));
        String log = admin().get("/api/v1/runs/" + runId + "/log").body();

        assertThat(run.get("status").asString()).as(log).isEqualTo("SUCCEEDED");
        JsonNode steps = run.get("items").get(0).get("steps");
        assertThat(names(steps)).containsExactly("ins_driver_cuda 550", "collect_net_driver_info", "nccl_single_test", "ip_a");
        for (JsonNode step : steps) {
            assertThat(step.get("status").asString()).as(step.toString()).isEqualTo("SUCCEEDED");
            assertThat(step.get("hosts").size()).isEqualTo(3);
            step.get("hosts").forEach(host -> assertThat(host.get("status").asString()).isEqualTo("SUCCEEDED"));
        }
        assertThat(steps.get(0).get("version").asInt()).isEqualTo(2);

        // The install role says per component what it did and why (operator version 2 has no driver file).
        assertThat(log).contains("driver: nothing to do (no driver installer given; installed: 550.54.15)")
                .contains("cuda: install (12.4 is installed; 12.3.1 wanted")
                .contains("fabric manager: skipped (no NVSwitch on this node")
                .contains("TASK [nccl_single_test]").contains("127.0.1.1 | 1: lo:");

        JsonNode reports = admin().get("/api/v1/runs/" + runId + "/reports").json();
        List<String> roleReports = new ArrayList<>();
        reports.forEach(report -> {
            if (report.get("path").asString().startsWith("/tmp/host_info") || report.get("path").asString().startsWith("/tmp/net_")) {
                roleReports.add(report.get("path").asString() + " " + report.get("ip").asString());
            }
        });
        assertThat(roleReports).hasSize(6).contains("/tmp/host_info.md 127.0.1.1", "/tmp/net_driver_info.md 127.0.1.3");
        List<JsonNode> nccl = new ArrayList<>();
        reports.forEach(report -> {
            if (report.get("path").asString().equals("/tmp/single-nccl-test-qwkj.md")) {
                nccl.add(report);
            }
        });
        assertThat(nccl).extracting(report -> report.get("ip").asString())
                .containsExactlyInAnyOrder("127.0.1.1", "127.0.1.2", "127.0.1.3");
        for (JsonNode report : nccl) {
            assertThat(report.get("content").asString()).contains("# Single-node NCCL test (qwkj)")
                    .contains("| GPUs | 8 x NVIDIA H100 80GB HBM3 |")
                    .contains("| Command | `all_reduce_perf -b 8 -e 8G -f 2 -g 8` |")
                    .contains("| Avg bus bandwidth | 175.325 GB/s |")
                    .contains("# Avg bus bandwidth    : 175.325")
                    .contains("| Result | PASSED |");
        }

        String stream = String.join("\n", events.get());
        assertThat(stream).contains("event:status").contains("\"status\":\"RUNNING\"").contains("event:log")
                .contains("TASK [nccl_single_test]").contains("\"status\":\"SUCCEEDED\"");
    }

    private long builtinTemplate(String name) {
        JsonNode items = admin().get("/api/v1/templates?size=100&name=" + name.replace(" ", "%20")).json().get("items");
        long found = -1;
        for (JsonNode item : items) {
            if (item.get("name").asString().equals(name)) {
                found = found < 0 ? item.get("id").asLong() : Math.min(found, item.get("id").asLong());
            }
        }
        assertThat(found).as("the built-in template " + name + " in " + items).isPositive();
        return found;
    }

    private static List<String> names(JsonNode steps) {
        List<String> names = new ArrayList<>();
        steps.forEach(step -> names.add(step.get("name").asString()));
        return names;
    }

    /** The template's last step (ip a) goes through each node's agent: one agent per SSH test node. */
    private void startAgents(TestNodes testNodes, List<Long> nodeIds) {
        // The test nodes are known to the inventory: only a token bound to each one enrols its agent.
        for (int i = 0; i < TestNodes.COUNT; i++) {
            var token = admin().post("/api/v1/agent-enrollment-tokens", "{\"expiresInMinutes\":10,\"nodeId\":"
                    + nodeIds.get(i) + "}");
            assertThat(token.status()).as(token.toString()).isEqualTo(201);
            agents.add(AgentProcess.start("http://127.0.0.1:" + port, token.json().get("token").asString(), testNodes.ip(i),
                    agentDirs.resolve("agent-" + i)));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (long nodeId : nodeIds) {
            while (!online(nodeId) && System.nanoTime() < deadline) {
                RunFixtures.pause(200);
            }
            assertThat(online(nodeId)).as("agent of node " + nodeId + " online").isTrue();
        }
    }

    private boolean online(long nodeId) {
        JsonNode agent = admin().get("/api/v1/nodes/" + nodeId).json().get("agent");
        return agent != null && !agent.isNull() && "ONLINE".equals(agent.get("status").asString());
    }
}
