package io.devops.platform.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import io.devops.platform.support.TestNodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The built-in "GPU node acceptance" template and a repeated "GPU node delivery", unchanged, through
 * the platform on the three SSH test nodes with the fake GPU tools and installers.
 */
class BuiltinTemplatesRunTests extends ApiTest {

    /** Other tests expect the default fake node. */
    @AfterEach
    void defaultNodes() {
        if (TestNodes.available()) {
            FakeFileServer.defaultNodes(TestNodes.shared());
        }
    }

    @Test
    void theAcceptanceTemplateChecksWithoutInstallingAndReportsNicInfoNcclAndTorchPerNode() {
        assumeTrue(TestNodes.available(), "needs root, openssh-server and ansible-core: run scripts/test.sh");
        TestNodes nodes = TestNodes.shared();
        FakeFileServer.install();
        FakeFileServer.defaultNodes(nodes);
        FakeGpuNode slow = FakeGpuNode.of(nodes, 2).withDriver("550.54.15").withCuda("12.4.1").slow();
        var fixtures = new RunFixtures(admin(), nodes);

        JsonNode run = runTemplate(fixtures, "GPU node acceptance");
        String log = admin().get("/api/v1/runs/" + run.get("id").asLong() + "/log").body();

        assertThat(run.get("status").asString()).as(log).isEqualTo("SUCCEEDED");
        assertThat(log).contains("driver: uninstall then install (550.54.15 is installed; 550.54.14 wanted)")
                .contains("check mode: nothing was changed")
                // the slow node's all_reduce_perf output and the good nodes' (8 GB rows), as each node ran it
                .contains("8589934592    2147483648     float     sum      -1    48297  177.86  311.25")
                .contains("8589934592    2147483648     float     sum      -1    31393  273.63  478.85");
        assertThat(slow.calls()).isEmpty();
        assertThat(slow.installed("driver")).isEqualTo("550.54.15");
        List<String> paths = new ArrayList<>();
        JsonNode reports = admin().get("/api/v1/runs/" + run.get("id").asLong() + "/reports").json();
        reports.forEach(report -> paths.add(report.get("path").asString()));
        assertThat(paths).contains("/tmp/host_info.md", "/tmp/net_driver_info.md", "/tmp/single-nccl-test-acceptance.md",
                "/tmp/single-torch-test-acceptance.md");
        reports.forEach(report -> {
            String content = report.get("content").asString();
            if (report.get("path").asString().equals("/tmp/single-nccl-test-acceptance.md")) {
                // The test nodes share this machine's /tmp: every node's copy is the last writer's report.
                assertThat(content).contains("| GPUs | 8 x NVIDIA H100 80GB HBM3 |").contains("## all_reduce_perf output\n\n```text\n")
                        .contains("| Bus bandwidth at the largest size | ");
            }
            if (report.get("path").asString().equals("/tmp/single-torch-test-acceptance.md")) {
                assertThat(content).contains("| All-reduce bus bandwidth | 452.61 GB/s |").contains("| Result | PASSED |");
            }
        });
        // The torch test's output is judged on each node: the test nodes declare no GPUs, the test's own line names them.
        List<String> torch = new ArrayList<>();
        admin().get("/api/v1/runs/" + run.get("id").asLong() + "/verdicts").json().forEach(verdict -> {
            if (verdict.get("check").asString().equals("torch_all_reduce")) {
                torch.add(verdict.get("verdict").asString() + ": " + verdict.get("message").asString());
            }
        });
        assertThat(torch).hasSize(3).allSatisfy(verdict -> assertThat(verdict)
                .startsWith("PASS: result correct; busbw 452.61 GB/s at 1 GiB on 8 x NVIDIA H100 80GB HBM3 reaches 391.00 GB/s"));
    }

    @Test
    void runningTheDeliveryTemplateAgainFindsNothingToDoForEveryComponent() {
        assumeTrue(TestNodes.available(), "needs root, openssh-server and ansible-core: run scripts/test.sh");
        TestNodes nodes = TestNodes.shared();
        FakeFileServer.install();
        FakeFileServer.defaultNodes(nodes);
        var fixtures = new RunFixtures(admin(), nodes);

        JsonNode first = runTemplate(fixtures, "GPU node delivery");
        JsonNode second = runTemplate(fixtures, "GPU node delivery");
        String log = admin().get("/api/v1/runs/" + second.get("id").asLong() + "/log").body();

        // The template's last step (ip a) goes through agents, which this test does not start: only the
        // install step matters here.
        assertThat(installStep(first).get("status").asString())
                .as(() -> admin().get("/api/v1/runs/" + first.get("id").asLong() + "/log").body()).isEqualTo("SUCCEEDED");
        assertThat(installStep(second).get("status").asString()).as(log).isEqualTo("SUCCEEDED");
        assertThat(log).contains("driver: nothing to do (no driver installer given; installed: 550.54.15)")
                .contains("cuda: nothing to do (12.3.1 is installed)")
                .contains("fabric manager: skipped (no NVSwitch on this node")
                .doesNotContain("cuda: install");
        // The install step's playbook, its reports' collection included (which never counts as a change).
        String installPlaybook = log.substring(0, log.indexOf("[platform] step 1.1 SUCCEEDED"));
        for (int node = 0; node < TestNodes.COUNT; node++) {
            assertThat(installPlaybook).containsPattern(nodes.ip(node).replace(".", "\\.") + "\\S*\\s+:\\s+\\S*ok=\\d+\\s+\\S*\\s*changed=0\\s");
        }
    }

    private static JsonNode installStep(JsonNode run) {
        return run.get("items").get(0).get("steps").get(0);
    }

    private JsonNode runTemplate(RunFixtures fixtures, String name) {
        List<Long> nodeIds = fixtures.testNodeIds();
        long runId = fixtures.start(fixtures.job(unique("content"), "STOP", builtinTemplate(name), nodeIds));
        return fixtures.awaitEnd(runId, Duration.ofMinutes(4));
    }

    private long builtinTemplate(String name) {
        JsonNode items = admin().get("/api/v1/templates?size=100&name=" + name.replace(" ", "%20")).json().get("items");
        long found = -1;
        for (JsonNode item : items) {
            if (item.get("name").asString().equals(name)) {
                found = found < 0 ? item.get("id").asLong() : Math.min(found, item.get("id").asLong());
            }
        }
        assertThat(found).as("the built-in template " + name).isPositive();
        return found;
    }
}
