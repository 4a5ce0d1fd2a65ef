package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.acceptance.NodeAcceptanceConcluded;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.HeardAcceptanceEvents;
import io.devops.platform.support.RunFixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A run that ends outside the engine's own ending (its executor died, or the engine failed) while a
 * step with acceptance checks ran on a node still concludes that node's acceptance: the check left
 * no verdict, so the node's acceptance is an ERROR with why, never a silence that leaves it in
 * TESTING for ever. The run is ended by {@code RunRecovery.failUnexpectedly}, which stops nothing:
 * its sibling {@code interruptDead} first stops the step's processes, and on test nodes that share
 * this machine that also ends the living engine's own ansible-playbook, which would then end the run
 * itself before the recovery does.
 */
class InterruptedAcceptanceRunTests extends ApiTest {

    @Autowired
    private RunRecovery recovery;
    @Autowired
    private HeardAcceptanceEvents heard;

    @Test
    void aRunEndedOutsideTheEngineConcludesTheAcceptanceOfTheNodesItWasTesting() {
        RunFixtures fixtures = RunFixtures.onTestNodes(admin());
        long node = fixtures.testNodeIds().get(0);
        String report = "/tmp/devops-interrupted-" + unique("acceptance") + "/acceptance/gpu_inventory.txt";
        long shell = fixtures.shell(unique("slow-check"), "sleep 20", report, "ansible");
        long template = fixtures.template(unique("interrupted-acceptance"), steps -> RunFixtures.scriptStep(steps, shell));
        long runId = fixtures.start(fixtures.job(unique("interrupted"), "STOP", template, List.of(node)));
        awaitStepRunning(fixtures, runId);

        recovery.failUnexpectedly(runId, new IllegalStateException("the engine stopped answering (test)"));

        JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(1));
        assertThat(run.get("status").asString()).as(admin().get("/api/v1/runs/" + runId + "/log").body()).isEqualTo("FAILED");
        assertThat(run.get("message").asString()).contains("the engine failed");
        List<NodeAcceptanceConcluded> concluded = heard.all().stream()
                .filter(event -> event instanceof NodeAcceptanceConcluded c && c.runId() == runId)
                .map(NodeAcceptanceConcluded.class::cast).toList();
        assertThat(concluded).hasSize(1);
        assertThat(concluded.get(0).nodeId()).isEqualTo(node);
        assertThat(concluded.get(0).verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(concluded.get(0).reason()).contains("left no verdict");
    }

    private static void awaitStepRunning(RunFixtures fixtures, long runId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = fixtures.awaitStatus(runId, "RUNNING", Duration.ofSeconds(30));
            JsonNode hosts = run.get("items").get(0).get("steps").get(0).get("hosts");
            if (hosts.size() > 0 && "RUNNING".equals(hosts.get(0).get("status").asString())) {
                RunFixtures.pause(1000); // the sleep has started on the node
                return;
            }
            RunFixtures.pause(200);
        }
        throw new AssertionError("the step never started on the node");
    }
}
