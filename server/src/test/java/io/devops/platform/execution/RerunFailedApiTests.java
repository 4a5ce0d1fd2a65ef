package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** "Re-run failed" on the SSH test nodes: with the job's latest version, or from the step where each node failed. */
class RerunFailedApiTests extends ApiTest {

    private RunFixtures fixtures;
    private List<Long> nodes;

    @BeforeEach
    void testNodes() {
        fixtures = RunFixtures.onTestNodes(admin());
        nodes = fixtures.testNodeIds();
    }

    /**
     * Step 1 marks every node in /tmp/NAME-1.ran; step 2 fails on 127.0.1.2 while the flag is there.
     * Carried on from the failed step, 127.0.1.2 runs step 2 only, and its step 1 says where it ran.
     */
    @Test
    void fromTheFailedStepEachNodeRunsOnlyTheStepsItHadNotPassed() throws Exception {
        String name = unique("carry-on");
        Path flag = Path.of("/tmp/" + name + ".broken");
        Path ran = Path.of("/tmp/" + name + "-1.ran");
        Files.writeString(flag, "x");
        long mark = fixtures.shell(unique("mark"), "echo \"$NODE_IP\" >> " + ran, null, "ansible");
        long failing = fixtures.shell(unique("fail-on-2"), "if [ \"$NODE_IP\" = 127.0.1.2 ] && [ -f " + flag
                + " ]; then echo broken on $NODE_IP >&2; exit 3; fi", null, "ansible");
        long template = fixtures.template(name, steps -> {
            RunFixtures.scriptStep(steps, mark);
            RunFixtures.scriptStep(steps, failing);
        });
        long first = fixtures.start(fixtures.job(name, "CONTINUE", template, nodes));
        assertThat(fixtures.awaitEnd(first, Duration.ofMinutes(2)).get("status").asString()).isEqualTo("FAILED");
        Files.delete(flag);

        assertThat(admin().post("/api/v1/runs/" + first + "/rerun-failed", "{\"version\":\"LATEST\",\"fromFailedStep\":true}")
                .status()).isEqualTo(400);
        assertThat(admin().post("/api/v1/runs/" + first + "/rerun-failed", "{\"jobVersion\":\"LATEST\",\"fromFailedStep\":true}")
                .status()).as("API.md names the field jobVersion").isEqualTo(400);
        var rerun = admin().post("/api/v1/runs/" + first + "/rerun-failed", "{\"fromFailedStep\":true}");
        assertThat(rerun.status()).as(rerun.toString()).isEqualTo(202);
        JsonNode again = fixtures.awaitEnd(rerun.id(), Duration.ofMinutes(2));

        assertThat(again.get("status").asString()).as(admin().get("/api/v1/runs/" + rerun.id() + "/log").body()).isEqualTo("SUCCEEDED");
        assertThat(Files.readAllLines(ran).stream().filter(line -> line.equals("127.0.1.2")).count())
                .as("step 1 ran on 127.0.1.2 in the first run only").isEqualTo(1);
        JsonNode item = again.get("items").get(0);
        assertThat(item.get("nodes")).extracting(node -> node.get("status").asString()).containsExactly("SUCCEEDED");
        JsonNode carried = item.get("steps").get(0).get("hosts").get(0);
        assertThat(carried.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(carried.get("message").asString()).startsWith("succeeded in run " + first + ", not run again");
        assertThat(item.get("steps").get(1).get("hosts").get(0).get("status").asString()).isEqualTo("SUCCEEDED");
        Files.deleteIfExists(ran);
    }

    @Test
    void reRunningTheFailedNodesWithTheLatestVersionRunsItsTemplateOnThemAndTheRunsFormAChain() throws Exception {
        String name = unique("latest");
        Path flag = Path.of("/tmp/" + name + ".broken");
        Files.writeString(flag, "x");
        long job;
        long first;
        try {
            job = fixtures.job(name, "CONTINUE", fixtures.failingWhileFlagged(name, "127.0.1.2", flag), nodes);
            first = fixtures.start(job);
            assertThat(fixtures.awaitEnd(first, Duration.ofMinutes(2)).get("status").asString()).isEqualTo("FAILED");
        } finally {
            Files.deleteIfExists(flag);
        }
        long fixed = fixtures.shell(unique("fixed"), "echo fixed on $NODE_IP", null, "ansible");
        long template = fixtures.template(unique("fixed"), steps -> RunFixtures.scriptStep(steps, fixed));
        var body = RunFixtures.object().put("name", name).put("failurePolicy", "CONTINUE");
        var targets = body.putArray("items").addObject().put("templateId", template).putArray("targets");
        nodes.forEach(id -> targets.addObject().put("type", "node").put("id", id));
        var edited = admin().put("/api/v1/jobs/" + job, body.toString());
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);

        assertThat(admin().post("/api/v1/runs/" + first + "/rerun-failed", "{\"version\":\"NEWEST\"}").status()).isEqualTo(400);
        var rerun = admin().post("/api/v1/runs/" + first + "/rerun-failed", "{\"version\":\"LATEST\"}");
        assertThat(rerun.status()).as(rerun.toString()).isEqualTo(202);
        JsonNode again = fixtures.awaitEnd(rerun.id(), Duration.ofMinutes(2));

        assertThat(again.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(again.get("jobVersion").asInt()).isEqualTo(2);
        assertThat(again.get("previousRunId").asLong()).isEqualTo(first);
        JsonNode item = again.get("items").get(0);
        assertThat(item.get("nodes")).extracting(node -> node.get("ip").asString()).containsExactly("127.0.1.2");
        assertThat(item.get("steps")).extracting(step -> step.get("name").asString()).containsExactly(admin()
                .get("/api/v1/shells/" + fixed).json().get("name").asString());
        assertThat(admin().get("/api/v1/runs/" + first).json().get("laterRunIds")).extracting(JsonNode::asLong)
                .containsExactly(rerun.id());
    }
}
