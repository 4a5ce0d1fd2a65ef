package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import io.devops.platform.support.TestNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The failure policy and the start options that change how a run executes, on the real SSH test nodes. */
class StartOptionsRunTests extends ApiTest {

    private RunFixtures fixtures;
    private List<Long> nodes;

    @BeforeEach
    void testNodes() {
        fixtures = RunFixtures.onTestNodes(admin());
        nodes = fixtures.testNodeIds();
    }

    @Test
    void underTheDefaultPolicyAFailedNodeStopsAloneAndTheHealthyNodesFinish() throws Exception {
        String name = unique("stopnode");
        Path flag = Path.of("/tmp/" + name + ".broken");
        Files.writeString(flag, "x");
        try {
            long job = fixtures.job(name, null, fixtures.failingWhileFlagged(name, TestNodes.shared().ip(1), flag), nodes);
            assertThat(admin().get("/api/v1/jobs/" + job).json().get("failurePolicy").asString()).isEqualTo("STOP_NODE");

            JsonNode run = fixtures.awaitEnd(fixtures.start(job), Duration.ofMinutes(3));

            assertThat(run.get("status").asString()).isEqualTo("FAILED");
            JsonNode second = run.get("items").get(0).get("steps").get(1);
            assertThat(status(second, nodes.get(0))).isEqualTo("SUCCEEDED");
            assertThat(status(second, nodes.get(2))).isEqualTo("SUCCEEDED");
            assertThat(status(second, nodes.get(1))).isEqualTo("SKIPPED");
        } finally {
            Files.deleteIfExists(flag);
        }
    }

    @Test
    void aBatchSizeRunsTheStepThatManyNodesAtATime() {
        long script = fixtures.shell(unique("batch"), "echo batch member", null, "ansible");
        long template = fixtures.template(unique("batch"), steps -> RunFixtures.scriptStep(steps, script));
        long job = fixtures.job(unique("batch"), "STOP", template, nodes);

        Api.Response started = admin().post("/api/v1/jobs/" + job + "/runs", "{\"batchSize\":1}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode run = fixtures.awaitEnd(started.id(), Duration.ofMinutes(3));

        String log = admin().get("/api/v1/runs/" + started.id() + "/log").body();
        assertThat(run.get("status").asString()).as(log).isEqualTo("SUCCEEDED");
        assertThat(log).contains("1 node(s) at a time (serial: 1)");
        // Ansible starts the play once per batch: three nodes one at a time are three play starts.
        assertThat(log.split("PLAY \\[", -1).length - 1).as(log).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aCheckModeRunChecksTheAnsibleStepsAndRecordsTheScriptsAsNotRun() {
        long operator = fixtures.builtinOperator("collect_net_driver_info");
        long script = fixtures.shell(unique("never"), "touch /tmp/" + unique("never-run"), null, "ansible");
        long template = fixtures.template(unique("check"), steps -> {
            RunFixtures.operatorStep(steps, operator);
            RunFixtures.scriptStep(steps, script);
        });
        long job = fixtures.job(unique("check"), null, template, nodes.subList(0, 2));

        Api.Response started = admin().post("/api/v1/jobs/" + job + "/runs", "{\"checkMode\":true}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode run = fixtures.awaitEnd(started.id(), Duration.ofMinutes(3));

        String log = admin().get("/api/v1/runs/" + started.id() + "/log").body();
        assertThat(run.get("status").asString()).as(log).isEqualTo("SUCCEEDED");
        assertThat(run.get("checkMode").asBoolean()).isTrue();
        JsonNode steps = run.get("items").get(0).get("steps");
        assertThat(steps.get(0).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(steps.get(1).get("status").asString()).isEqualTo("SKIPPED");
        steps.get(1).get("hosts").forEach(host -> assertThat(host.get("message").asString()).contains("not run in check mode"));
        assertThat(admin().get("/api/v1/runs/" + started.id() + "/reports").json().size()).as("a dry run collects no report").isZero();
    }

    private static String status(JsonNode step, long nodeId) {
        for (JsonNode host : step.get("hosts")) {
            if (host.get("nodeId").asLong() == nodeId) {
                return host.get("status").asString();
            }
        }
        return "no result";
    }
}
