package io.devops.platform.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import io.devops.platform.support.TestNodes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The built-in single_nccl_test.sh runs for real on two SSH test nodes with the fake
 * all_reduce_perf; one node replays the slow sample. The test nodes share this machine's /tmp, so
 * each node runs in an item of its own (items run one after the other and their reports are
 * collected in between).
 */
class NcclJudgementRunTests extends ApiTest {

    @Test
    void aGoodNodePassesAndASlowNodeFailsWithTheirFiguresAndThePassLine() {
        assumeTrue(TestNodes.available(), "needs root, openssh-server and ansible-core: run scripts/test.sh");
        var fixtures = new RunFixtures(admin(), TestNodes.shared());
        List<Long> nodes = fixtures.testNodeIds();
        String customer = unique("judged").toLowerCase();
        String report = "/tmp/single-nccl-test-" + customer + ".md";
        long good = template(fixtures, "./script/single_nccl_test.sh " + customer, report);
        long slow = template(fixtures, "FAKE_NCCL_SAMPLE=slow ./script/single_nccl_test.sh " + customer, report);
        ObjectNode job = RunFixtures.object().put("name", unique("judged")).put("failurePolicy", "CONTINUE");
        job.putArray("items").add(item(good, nodes.get(0))).add(item(slow, nodes.get(1)));
        long jobId = admin().post("/api/v1/jobs", job.toString()).id();

        long runId = fixtures.start(jobId);
        JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(3));

        assertThat(run.get("status").asString()).as(admin().get("/api/v1/runs/" + runId + "/log").body()).isEqualTo("SUCCEEDED");
        JsonNode judgements = admin().get("/api/v1/runs/" + runId + "/judgements").json();
        assertThat(judgements).hasSize(2);
        JsonNode pass = judgements.get(0);
        assertThat(pass.get("nodeId").asLong()).isEqualTo(nodes.get(0));
        assertThat(pass.get("ip").asString()).isEqualTo("127.0.1.1");
        assertThat(pass.get("path").asString()).isEqualTo(report);
        assertThat(pass.get("judgement").get("verdict").asString()).isEqualTo("PASS");
        assertThat(pass.get("judgement").get("busBwGbps").asDouble()).isEqualTo(478.85);
        assertThat(pass.get("judgement").get("thresholdGbps").asDouble()).isEqualTo(460.0);
        assertThat(pass.get("judgement").get("rule").asString()).isEqualTo("8 x H100 SXM");
        assertThat(pass.get("judgement").get("gpuModel").asString()).isEqualTo("NVIDIA H100 80GB HBM3");
        assertThat(pass.get("judgement").get("series")).hasSize(31);
        JsonNode fail = judgements.get(1);
        assertThat(fail.get("ip").asString()).isEqualTo("127.0.1.2");
        assertThat(fail.get("judgement").get("verdict").asString()).isEqualTo("FAIL");
        assertThat(fail.get("judgement").get("reason").asString())
                .isEqualTo("371.11 GB/s busbw at 8 GiB is below 460.00 GB/s (8 x H100 SXM)");
        assertThat(fail.get("judgement").get("series").get(30).get("busBwGbps").asDouble()).isEqualTo(371.11);
    }

    @Test
    void judgementsOfAnUnknownRunAreNotFound() {
        var response = admin().get("/api/v1/runs/987654321/judgements");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
    }

    private long template(RunFixtures fixtures, String command, String report) {
        long shell = fixtures.shell(unique("nccl"), command, report, "ansible");
        return fixtures.template(unique("nccl"), steps -> RunFixtures.scriptStep(steps, shell));
    }

    private static ObjectNode item(long templateId, long nodeId) {
        ObjectNode item = RunFixtures.object().put("templateId", templateId);
        item.putArray("targets").addObject().put("type", "node").put("id", nodeId);
        return item;
    }
}
