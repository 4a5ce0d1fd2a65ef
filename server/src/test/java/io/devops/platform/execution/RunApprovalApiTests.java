package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Runs that wait for a second person (PENDING_APPROVAL) on the SSH test nodes, which sit DELIVERED
 * in a tenant's pool: nothing runs before the approval, the starter cannot approve, a rejected run
 * never runs, and every decision is audited.
 */
class RunApprovalApiTests extends ApiTest {

    private RunFixtures fixtures;
    private List<Long> nodes;

    @BeforeEach
    void testNodes() {
        fixtures = RunFixtures.onTestNodes(admin());
        nodes = fixtures.testNodeIds();
    }

    @Test
    void aRunOnMoreNodesThanTheRuleAllowsWaitsUntilASecondPersonApprovesItAndThenRuns() throws Exception {
        String name = unique("approve");
        Path ran = Path.of("/tmp/" + name + ".ran");
        long job = markingJob(name, ran);
        assertThat(admin().put("/api/v1/jobs/" + job + "/approval-rule", "{\"whenDelivered\":false,\"aboveNodes\":2}").status())
                .isEqualTo(200);

        var started = admin().post("/api/v1/jobs/" + job + "/runs", "{}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        long run = started.id();
        JsonNode waiting = admin().get("/api/v1/runs/" + run).json();
        assertThat(waiting.get("approval").get("reasons").get(0).asString())
                .isEqualTo("it targets 3 nodes, more than the job's limit of 2 without approval");
        assertThat(waiting.get("approval").get("requestedBy").asString()).isEqualTo("admin");
        assertThat(waiting.get("items").get(0).get("nodes")).as("the approver sees the resolved nodes").hasSize(3);
        assertThat(waiting.get("items").get(0).get("steps")).as("and the plan").hasSize(1);
        RunFixtures.pause(1500);
        assertThat(admin().get("/api/v1/runs/" + run).json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(ran).as("nothing ran before the approval").doesNotExist();

        var byStarter = admin().post("/api/v1/runs/" + run + "/approve", "{\"comment\":\"me\"}");
        assertThat(byStarter.status()).isEqualTo(403);
        assertThat(byStarter.isProblem()).isTrue();
        assertThat(byStarter.json().get("detail").asString()).contains("another person must");

        Api second = operator();
        var approved = second.post("/api/v1/runs/" + run + "/approve", "{\"comment\":\"window agreed with the tenant\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode ended = fixtures.awaitEnd(run, Duration.ofMinutes(2));
        assertThat(ended.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(Files.readAllLines(ran)).hasSize(3);
        assertThat(ended.get("approval").get("decision").asString()).isEqualTo("APPROVED");
        assertThat(ended.get("approval").get("comment").asString()).isEqualTo("window agreed with the tenant");
        assertThat(ended.get("history")).extracting(change -> change.get("to").asString())
                .startsWith("PENDING_APPROVAL", "QUEUED", "RUNNING");
        assertThat(second.post("/api/v1/runs/" + run + "/approve", "{}").status()).as("decided once").isEqualTo(409);
        assertThat(auditActions(run)).contains("run.approval-requested", "run.approved");
        Files.deleteIfExists(ran);
    }

    @Test
    void aRunOnANodeDeliveredToATenantThatIsRejectedNeverRuns() throws Exception {
        String name = unique("reject");
        Path ran = Path.of("/tmp/" + name + ".ran");
        long job = markingJob(name, ran);
        assertThat(admin().put("/api/v1/jobs/" + job + "/approval-rule", "{\"whenDelivered\":true}").status()).isEqualTo(200);
        Api starter = operator();

        var started = starter.post("/api/v1/jobs/" + job + "/runs", "{}");
        assertThat(started.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        long run = started.id();
        assertThat(starter.get("/api/v1/runs/" + run).json().get("approval").get("reasons").get(0).asString())
                .startsWith("3 of its nodes are DELIVERED to a tenant: 127.0.1.1, 127.0.1.2, 127.0.1.3");
        assertThat(starter.post("/api/v1/runs/" + run + "/reject", "{}").status()).isEqualTo(403);

        var rejected = admin().post("/api/v1/runs/" + run + "/reject", "{\"comment\":\"not during the tenant's training\"}");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        JsonNode after = admin().get("/api/v1/runs/" + run).json();
        assertThat(after.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(after.get("message").asString()).isEqualTo("rejected by admin: not during the tenant's training");
        assertThat(after.get("items").get(0).get("steps").get(0).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(after.get("approval").get("decision").asString()).isEqualTo("REJECTED");
        assertThat(admin().post("/api/v1/runs/" + run + "/approve", "{}").status()).isEqualTo(409);
        RunFixtures.pause(1000);
        assertThat(ran).doesNotExist();
        assertThat(auditActions(run)).contains("run.approval-requested", "run.rejected");
    }

    @Test
    void theRuleBelongsToTheJobSoAnOlderVersionCannotEscapeItAndOnlyAnAdminChangesIt() {
        String name = unique("rule");
        long job = markingJob(name, Path.of("/tmp/" + name + ".ran"));
        Api operator = operator();
        var byOperator = operator.put("/api/v1/jobs/" + job + "/approval-rule", "{\"whenDelivered\":true}");
        assertThat(byOperator.status()).isEqualTo(403);
        var bad = admin().put("/api/v1/jobs/" + job + "/approval-rule", "{\"aboveNodes\":-1}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.body()).contains("aboveNodes");
        assertThat(admin().get("/api/v1/jobs/" + job + "/approval-rule").json().get("whenDelivered").asBoolean()).isFalse();

        assertThat(admin().put("/api/v1/jobs/" + job + "/approval-rule", "{\"whenDelivered\":true,\"aboveNodes\":10}").status())
                .isEqualTo(200);
        JsonNode rule = operator.get("/api/v1/jobs/" + job + "/approval-rule").json();
        assertThat(rule.get("whenDelivered").asBoolean()).isTrue();
        assertThat(rule.get("aboveNodes").asInt()).isEqualTo(10);
        var oldVersion = operator.post("/api/v1/jobs/" + job + "/runs", "{\"version\":1}");
        assertThat(oldVersion.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");

        var withdrawn = operator.post("/api/v1/runs/" + oldVersion.id() + "/cancel", "{}");
        assertThat(withdrawn.status()).isEqualTo(202);
        JsonNode cancelled = admin().get("/api/v1/runs/" + oldVersion.id()).json();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("approval").get("decision").asString()).isEqualTo("WITHDRAWN");

        assertThat(admin().put("/api/v1/jobs/" + job + "/approval-rule", "{\"whenDelivered\":false,\"aboveNodes\":null}").status())
                .isEqualTo(200);
        var free = operator.post("/api/v1/jobs/" + job + "/runs", "{}");
        assertThat(free.json().get("status").asString()).isIn("QUEUED", "RUNNING");
        assertThat(admin().get("/api/v1/runs/" + free.id()).json().hasNonNull("approval")).isFalse();
        fixtures.awaitEnd(free.id(), Duration.ofMinutes(2));
    }

    @Test
    void anApprovalWaitsWhileOneOfTheRunsNodesIsLocked() {
        String name = unique("locked");
        long job = markingJob(name, Path.of("/tmp/" + name + ".ran"));
        admin().put("/api/v1/jobs/" + job + "/approval-rule", "{\"aboveNodes\":0}");
        long run = admin().post("/api/v1/jobs/" + job + "/runs", "{}").id();
        assertThat(admin().post("/api/v1/nodes/" + nodes.get(1) + "/lock", "{\"reason\":\"GPU swap\"}").status()).isEqualTo(200);
        try {
            var refused = operator().post("/api/v1/runs/" + run + "/approve", "{}");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("detail").asString()).contains("is locked by admin: GPU swap");
            assertThat(admin().get("/api/v1/runs/" + run).json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
            assertThat(admin().get("/api/v1/runs/" + run).json().get("approval").hasNonNull("decision")).isFalse();
        } finally {
            admin().post("/api/v1/nodes/" + nodes.get(1) + "/unlock", "{}");
        }
        assertThat(admin().post("/api/v1/runs/" + run + "/cancel", "{}").status()).isEqualTo(202);
    }

    private long markingJob(String name, Path ran) {
        long mark = fixtures.shell(unique("mark"), "echo \"$NODE_IP\" >> " + ran, null, "ansible");
        long template = fixtures.template(name, steps -> RunFixtures.scriptStep(steps, mark));
        return fixtures.job(name, "CONTINUE", template, nodes);
    }

    private List<String> auditActions(long runId) {
        JsonNode page = admin().get("/api/v1/audit-events?entityType=run&entityId=" + runId + "&size=50").json();
        return page.get("items").valueStream().map(event -> event.get("action").asString()).toList();
    }

    private Api operator() {
        String name = unique("approver").toLowerCase();
        String password = "pw-" + unique("secret") + "-Long";
        var created = admin().post("/api/v1/users", """
                {"username":"%s","displayName":"Approver","password":"%s","role":"OPERATOR"}""".formatted(name, password));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return anonymous().basic(name, password);
    }
}
