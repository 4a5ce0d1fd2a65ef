package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import io.devops.platform.support.TestNodes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Locks and leases hold for everything that acts on a node: a lock taken while a run goes stops
 * its later steps there, and an ad-hoc agent command waits for both locks and running runs.
 */
class RunLocksTests extends ApiTest {

    private RunFixtures fixtures;
    private List<Long> nodes;

    @BeforeEach
    void testNodes() {
        fixtures = RunFixtures.onTestNodes(admin());
        nodes = fixtures.testNodeIds();
    }

    @AfterEach
    void unlock() {
        if (nodes != null) {
            nodes.forEach(node -> admin().post("/api/v1/nodes/" + node + "/unlock", "{}"));
        }
    }

    @Test
    void aNodeLockedWhileTheRunGoesTakesNoLaterStepAndSaysWhy() {
        long slow = fixtures.shell(unique("first"), "sleep 3", null, "ansible");
        long second = fixtures.shell(unique("second"), "echo second step", null, "ansible");
        long template = fixtures.template(unique("locks"), steps -> {
            RunFixtures.scriptStep(steps, slow);
            RunFixtures.scriptStep(steps, second);
        });
        long runId = fixtures.start(fixtures.job(unique("locks"), "CONTINUE", template, nodes.subList(0, 2)));
        fixtures.awaitStatus(runId, "RUNNING", Duration.ofMinutes(1));

        Api.Response locked = admin().post("/api/v1/nodes/" + nodes.get(1) + "/lock",
                RunFixtures.object().put("reason", "fan replacement").toString());
        assertThat(locked.status()).as(locked.toString()).isEqualTo(200);
        JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(3));

        JsonNode steps = run.get("items").get(0).get("steps");
        assertThat(hostStatus(steps.get(0), nodes.get(1))).isEqualTo("SUCCEEDED");
        JsonNode lockedHost = host(steps.get(1), nodes.get(1));
        assertThat(lockedHost.get("status").asString()).isEqualTo("FAILED");
        assertThat(lockedHost.get("message").asString()).contains("not run").contains("is locked by admin: fan replacement");
        assertThat(hostStatus(steps.get(1), nodes.get(0))).isEqualTo("SUCCEEDED");
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        assertThat(admin().get("/api/v1/runs/" + runId + "/log").body()).doesNotContain(TestNodes.shared().ip(1) + " | second step");
    }

    @Test
    void anAdHocAgentCommandIsRefusedOnALockedNodeAndOnANodeARunningRunHolds() {
        long node = nodes.get(2);
        admin().post("/api/v1/nodes/" + node + "/lock", RunFixtures.object().put("reason", "burn-in").toString());
        Api.Response onLocked = admin().post("/api/v1/nodes/" + node + "/agent/commands", "{\"script\":\"true\",\"timeoutSeconds\":60}");
        assertThat(onLocked.status()).as(onLocked.toString()).isEqualTo(409);
        assertThat(onLocked.body()).contains("is locked by admin: burn-in");
        admin().post("/api/v1/nodes/" + node + "/unlock", "{}");

        long slow = fixtures.shell(unique("hold"), "sleep 4", null, "ansible");
        long template = fixtures.template(unique("hold"), steps -> RunFixtures.scriptStep(steps, slow));
        long runId = fixtures.start(fixtures.job(unique("hold"), "STOP", template, List.of(node)));
        fixtures.awaitStatus(runId, "RUNNING", Duration.ofMinutes(1));
        Api.Response onHeld = admin().post("/api/v1/agent-commands",
                "{\"nodeIds\":[" + node + "],\"command\":{\"script\":\"true\",\"timeoutSeconds\":60}}");
        fixtures.awaitEnd(runId, Duration.ofMinutes(2));

        assertThat(onHeld.status()).as(onHeld.toString()).isEqualTo(409);
        assertThat(onHeld.body()).contains("is held by run " + runId);
    }

    private static JsonNode host(JsonNode step, long nodeId) {
        for (JsonNode host : step.get("hosts")) {
            if (host.get("nodeId").asLong() == nodeId) {
                return host;
            }
        }
        throw new AssertionError("no result of node " + nodeId + " in " + step);
    }

    private static String hostStatus(JsonNode step, long nodeId) {
        return host(step, nodeId).get("status").asString();
    }
}
