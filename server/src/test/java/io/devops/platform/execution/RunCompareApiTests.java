package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Two real runs of a job on the SSH test nodes compared: a node made to fail at step 1, then re-run. */
class RunCompareApiTests extends ApiTest {

    @Test
    void aReRunOfTheFailedNodeComparesWithItsRunNodeByNodeAndTwoNodesOfOneRunCompareStepByStep() throws Exception {
        RunFixtures fixtures = RunFixtures.onTestNodes(admin());
        List<Long> nodes = fixtures.testNodeIds();
        String name = unique("compare");
        Path flag = Path.of("/tmp/" + name + ".broken");
        Files.writeString(flag, "x");
        long template = fixtures.failingWhileFlagged(name, "127.0.1.2", flag);
        long first = fixtures.start(fixtures.job(name, "CONTINUE", template, nodes));
        assertThat(fixtures.awaitEnd(first, Duration.ofMinutes(2)).get("status").asString()).isEqualTo("FAILED");
        Files.delete(flag);
        long again = admin().post("/api/v1/runs/" + first + "/rerun-failed", "").id();
        assertThat(fixtures.awaitEnd(again, Duration.ofMinutes(2)).get("status").asString()).isEqualTo("SUCCEEDED");

        JsonNode comparison = admin().get("/api/v1/runs/" + first + "/compare/" + again).json();

        JsonNode summary = comparison.get("summary");
        assertThat(summary.get("a").get("id").asLong()).isEqualTo(first);
        assertThat(summary.get("b").get("id").asLong()).isEqualTo(again);
        assertThat(summary.get("nodes").asInt()).isEqualTo(3);
        assertThat(summary.get("onlyInA").asInt()).isEqualTo(2);
        assertThat(summary.get("statusChanged").asInt()).isEqualTo(1);
        JsonNode byOrder = comparison.get("nodes");
        assertThat(byOrder).extracting(node -> node.get("ip").asString()).containsExactly("127.0.1.1", "127.0.1.3", "127.0.1.2");
        assertThat(byOrder.get(0).get("onlyIn").asString()).isEqualTo("a");
        JsonNode repaired = byOrder.get(2);
        assertThat(repaired.has("onlyIn")).as("null fields are left out").isFalse();
        JsonNode stepOne = repaired.get("steps").get(0);
        assertThat(stepOne.get("a").get("status").asString()).isEqualTo("FAILED");
        assertThat(stepOne.get("a").get("message").asString()).contains("broken on 127.0.1.2");
        assertThat(stepOne.get("b").get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(stepOne.get("changes")).extracting(JsonNode::asString).containsExactly("status");
        assertThat(repaired.get("steps").get(1).get("a").get("status").asString()).isEqualTo("SKIPPED");

        JsonNode two = admin().get("/api/v1/runs/" + first + "/compare-nodes?a=" + nodes.get(0) + "&b=" + nodes.get(1)).json();
        assertThat(two.get("a").get("ip").asString()).isEqualTo("127.0.1.1");
        assertThat(two.get("changed").asBoolean()).isTrue();
        assertThat(two.get("steps").get(0).get("b").get("status").asString()).isEqualTo("FAILED");

        var notATarget = admin().get("/api/v1/runs/" + again + "/compare-nodes?a=" + nodes.get(0) + "&b=" + nodes.get(1));
        assertThat(notATarget.status()).isEqualTo(400);
        assertThat(notATarget.body()).contains("is not a target of run " + again);
        assertThat(admin().get("/api/v1/runs/" + first + "/compare/" + Long.MAX_VALUE).status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/runs/" + first + "/compare/" + again + "?tolerancePercent=-5").status()).isEqualTo(400);
    }

    @Test
    void reRunningTheFailedNodesWithTheLatestVersionRunsItsTemplateOnThemAndTheRunsFormAChain() throws Exception {
        RunFixtures fixtures = RunFixtures.onTestNodes(admin());
        List<Long> nodes = fixtures.testNodeIds();
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
