package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.inventory.NodeTargets;
import io.devops.platform.inventory.NodeTargets.Resolution;
import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A node that a queued or running run targets can be neither deleted nor moved out of its pool:
 * the run would otherwise work on a node the inventory no longer knows, or knows elsewhere.
 * The runs here hold their node with an agent step whose agent (enrolled, never polling) does
 * not take the command, so they stay RUNNING until cancelled.
 */
class NodesInUseTests extends ApiTest {

    @Autowired
    RunStarter starter;

    @Autowired
    NodeTargets targets;

    @Autowired
    TransactionTemplate transaction;

    private RunFixtures runs;
    private final List<Long> started = new ArrayList<>();

    @BeforeEach
    void fixtures() {
        runs = new RunFixtures(admin(), null);
    }

    @AfterEach
    void cancelLeftovers() {
        started.forEach(runId -> admin().post("/api/v1/runs/" + runId + "/cancel", "{}"));
    }

    @Test
    void deletingANodeThatRunsTargetIsRefusedNamingEachRunAndDeletesNothing() {
        long node = enrolledNode();
        String jobName = unique("held-job");
        long jobId = agentJob(jobName, node);
        long running = start(jobId);
        assertThat(runs.awaitStatus(running, "RUNNING", Duration.ofSeconds(20)).get("status").asString()).isEqualTo("RUNNING");
        long queued = start(jobId); // waits for the first run's lease on the node

        Api.Response refused = admin().delete("/api/v1/nodes/" + node);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString())
                .contains("run " + running + " of job " + jobName + " (RUNNING)")
                .contains("run " + queued + " of job " + jobName + " (QUEUED)");
        assertThat(refused.json().get("runs").findValuesAsString("id"))
                .containsExactlyInAnyOrder(String.valueOf(running), String.valueOf(queued));
        assertThat(admin().get("/api/v1/nodes/" + node).status()).isEqualTo(200);

        cancelAll();
        assertThat(admin().delete("/api/v1/nodes/" + node).status()).isEqualTo(204);
    }

    @Test
    void movingANodeOutOfItsPoolWhileARunTargetsItIsRefusedByEveryMoveAndChangesNothing() {
        long node = enrolledNode();
        JsonNode before = admin().get("/api/v1/nodes/" + node).json();
        int historyBefore = admin().get("/api/v1/nodes/" + node + "/pool-history").json().size();
        long otherPool = pool();
        long running = start(agentJob(unique("held-job"), node));
        runs.awaitStatus(running, "RUNNING", Duration.ofSeconds(20));

        Api.Response update = admin().put("/api/v1/nodes/" + node, RunFixtures.object().put("ip", before.get("ip").asString())
                .put("hostname", "renamed").put("nodePoolId", otherPool).toString());
        Api.Response move = admin().post("/api/v1/node-pools/" + otherPool + "/nodes", "{\"nodeIds\":[" + node + "]}");

        for (Api.Response refused : List.of(update, move)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().get("detail").asString()).contains("run " + running);
        }
        JsonNode after = admin().get("/api/v1/nodes/" + node).json();
        assertThat(after.get("nodePoolId").asLong()).isEqualTo(before.get("nodePoolId").asLong());
        assertThat(after.get("hostname").asString()).isEqualTo(before.get("hostname").asString());
        assertThat(admin().get("/api/v1/nodes/" + node + "/pool-history").json().size()).isEqualTo(historyBefore);

        cancelAll();
        // The other pool is a tenant's: with no run left, only the lifecycle's delivery gate stands in the way.
        assertThat(admin().post("/api/v1/nodes/" + node + "/deliver", "{\"nodePoolId\":" + otherPool
                + ",\"override\":true,\"comment\":\"test node without acceptance\"}").status()).isEqualTo(200);
    }

    @Test
    void aDeleteArrivingWhileARunIsBeingStartedWaitsForItsCommitAndThenSeesTheRun() throws Exception {
        long node = enrolledNode();
        long jobId = agentJob(unique("racing-job"), node);
        List<CompletableFuture<Api.Response>> delete = new ArrayList<>();

        long runId = transaction.execute(status -> {
            long id = starter.start(jobId, null).id();
            delete.add(CompletableFuture.supplyAsync(() -> admin().delete("/api/v1/nodes/" + node)));
            RunFixtures.pause(800); // the delete reaches the node's row meanwhile, and must wait for this commit
            assertThat(delete.get(0).isDone()).as("the delete waits for the run's start to commit").isFalse();
            return id;
        });
        started.add(runId);

        Api.Response refused = delete.get(0).get(20, TimeUnit.SECONDS);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("run " + runId);
        cancelAll();
    }

    @Test
    void aNodeDeletedBetweenResolvingAndHoldingTheTargetsIsReportedSoTheRunDoesNotStart() {
        long node = enrolledNode();

        List<String> problems = transaction.execute(status -> {
            Resolution resolution = targets.resolve(List.of(node), List.of());
            assertThat(admin().delete("/api/v1/nodes/" + node).status()).isEqualTo(204);
            return targets.hold(resolution.nodes());
        });

        assertThat(problems).singleElement().asString().contains("was deleted");
    }

    /** A node with an enrolled agent that never polls: it is ONLINE, and its commands wait. */
    private long enrolledNode() {
        Api.Response token = admin().post("/api/v1/agent-enrollment-tokens", "{\"expiresInMinutes\":10,\"maxUses\":1}");
        String ip = uniqueIp();
        Api.Response enrolled = anonymous().post("/api/v1/agent/enroll", "{\"enrollmentToken\":\""
                + token.json().get("token").asString() + "\",\"ip\":\"" + ip + "\",\"hostname\":\"h-" + ip
                + "\",\"facts\":{},\"agentVersion\":\"test\"}");
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        return enrolled.json().get("nodeId").asLong();
    }

    private long agentJob(String name, long node) {
        long shell = runs.shell(unique("wait"), "sleep 600", null, "agent");
        long template = runs.template(unique("held"), steps -> RunFixtures.scriptStep(steps, shell));
        return runs.job(name, "CONTINUE", template, List.of(node));
    }

    private long pool() {
        long tenant = admin().post("/api/v1/tenants", "{\"name\":\"" + unique("tenant") + "\"}").id();
        return admin().post("/api/v1/node-pools", "{\"name\":\"" + unique("pool") + "\",\"tenantId\":" + tenant + "}").id();
    }

    private long start(long jobId) {
        long runId = runs.start(jobId);
        started.add(runId);
        return runId;
    }

    /** Cancels this test's runs: their agent never took the command, so each ends at once. */
    private void cancelAll() {
        for (long runId : started) {
            admin().post("/api/v1/runs/" + runId + "/cancel", "{}");
            assertThat(runs.awaitEnd(runId, Duration.ofSeconds(20)).get("status").asString()).isEqualTo("CANCELLED");
        }
        started.clear();
    }
}
