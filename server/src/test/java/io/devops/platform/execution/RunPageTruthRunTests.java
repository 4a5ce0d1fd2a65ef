package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RoleUpload;
import io.devops.platform.support.RunFixtures;
import io.devops.platform.support.TestNodes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The run detail never contradicts itself, on real SSH nodes: every node has a cell in every step
 * of a finished run (a step it never reached says "not run" and why), a step compiled into the
 * same playbook after the one that failed is not run rather than failed, a failed cell carries the
 * failing task's own words, and a running node's cell says which task it is at.
 */
class RunPageTruthRunTests extends ApiTest {

    private RunFixtures fixtures;
    private List<Long> nodes;
    private String first;
    private String second;

    @BeforeEach
    void testNodes() {
        fixtures = RunFixtures.onTestNodes(admin());
        nodes = fixtures.testNodeIds();
        first = TestNodes.shared().ip(0);
        second = TestNodes.shared().ip(1);
    }

    @Test
    void aNodeFailingAtStepOneShowsStepTwoNotRunWithItsReasonAndTheCommandsStderr() {
        long failing = fixtures.shell(unique("disk-check"), "if [ \"$NODE_IP\" = " + first + " ]; then echo checking disks;"
                + " echo 'nvme0n1 missing: expected 8 disks, found 7' >&2; exit 3; fi", null, "ansible");
        long after = fixtures.shell(unique("after"), "true", null, "ansible");
        long template = fixtures.template(unique("two-steps"), steps -> {
            RunFixtures.scriptStep(steps, failing);
            RunFixtures.scriptStep(steps, after);
        });

        JsonNode run = runOn(template, "CONTINUE", nodes.subList(0, 2));

        List<Map<String, JsonNode>> steps = cells(run);
        assertThat(steps.get(0).get(first).get("status").asString()).isEqualTo("FAILED");
        assertThat(steps.get(0).get(first).get("message").asString()).contains("nvme0n1 missing: expected 8 disks, found 7");
        assertThat(steps.get(1).get(first).get("status").asString()).isEqualTo("SKIPPED");
        assertThat(steps.get(1).get(first).get("notRunReason").asString()).isEqualTo("EARLIER_STEP_FAILED");
        assertThat(steps.get(1).get(first).get("message").asString()).startsWith("not run");
        assertThat(steps.get(0).get(second).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(steps.get(1).get(second).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(steps.get(1).get(second).has("notRunReason")).as("it ran").isFalse();
        assertNoCellPending(run);
    }

    @Test
    void aRunStoppedAtTheFirstFailureShowsEveryNodeOfTheStepsItNeverStartedAsNotRun() {
        long failing = fixtures.shell(unique("stopper"), "if [ \"$NODE_IP\" = " + first + " ]; then echo stop here >&2; exit 3; fi",
                null, "ansible");
        long after = fixtures.shell(unique("never"), "true", null, "ansible");
        long template = fixtures.template(unique("stop-policy"), steps -> {
            RunFixtures.scriptStep(steps, failing);
            RunFixtures.scriptStep(steps, after);
        });

        JsonNode run = runOn(template, "STOP", nodes.subList(0, 2));

        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        List<Map<String, JsonNode>> steps = cells(run);
        assertThat(steps.get(1).get(first).get("status").asString()).isEqualTo("SKIPPED");
        assertThat(steps.get(1).get(first).get("notRunReason").asString()).isEqualTo("EARLIER_STEP_FAILED");
        assertThat(steps.get(1).get(second).get("status").asString()).isEqualTo("SKIPPED");
        assertThat(steps.get(1).get(second).get("notRunReason").asString()).isEqualTo("RUN_STOPPED");
        assertNoCellPending(run);
    }

    @Test
    void aStepCompiledIntoTheSamePlaybookAfterAFailingOneIsNotRunOnThatNodeAndTheFailedCellShowsTheRolesMsg() {
        RoleUpload checker = RoleUpload.create(admin(), unique("gpu_check"), Map.of("tasks/main.yml", """
                - name: count the GPUs
                  fail:
                    msg: "GPU count mismatch: expected 8, found 7"
                  when: inventory_hostname == '%s'
                """.formatted(first)));
        RoleUpload installer = RoleUpload.create(admin(), unique("installer"), Map.of("tasks/main.yml", """
                - name: install on the checked nodes
                  shell: >-
                    echo 'dpkg: error processing package nvidia-driver' >&2; exit 1
                  when: inventory_hostname == '%s'
                """.formatted(second)));
        long check = checker.operator("1", Map.of());
        long install = installer.operator("1", Map.of());
        long template = fixtures.template(unique("one-playbook"), steps -> {
            RunFixtures.operatorStep(steps, check);
            RunFixtures.operatorStep(steps, install);
        });

        JsonNode run = runOn(template, "CONTINUE", nodes.subList(0, 2));

        JsonNode steps = run.get("items").get(0).get("steps");
        assertThat(steps.get(0).get("outputId").asLong()).as("both steps are one playbook")
                .isEqualTo(steps.get(1).get("outputId").asLong());
        List<Map<String, JsonNode>> cells = cells(run);
        assertThat(cells.get(0).get(first).get("status").asString()).isEqualTo("FAILED");
        assertThat(cells.get(0).get(first).get("message").asString()).isEqualTo("GPU count mismatch: expected 8, found 7");
        assertThat(cells.get(1).get(first).get("status").asString()).as("not failed: it never ran there").isEqualTo("SKIPPED");
        assertThat(cells.get(1).get(first).get("notRunReason").asString()).isEqualTo("EARLIER_STEP_FAILED");
        assertThat(cells.get(0).get(second).get("status").asString()).as("got past the check").isEqualTo("SUCCEEDED");
        assertThat(cells.get(1).get(second).get("status").asString()).isEqualTo("FAILED");
        assertThat(cells.get(1).get(second).get("message").asString()).contains("dpkg: error processing package nvidia-driver");
        assertThat(steps.get(0).get("status").asString()).as("the playbook failed on a node at this step").isEqualTo("FAILED");
        assertNoCellPending(run);
    }

    @Test
    void aRunningNodesCellSaysWhichTaskItIsAt() {
        RoleUpload slow = RoleUpload.create(admin(), unique("slow"), Map.of("tasks/main.yml", """
                - name: wait for the GPUs to settle
                  command: sleep 6
                """));
        long operator = slow.operator("1", Map.of());
        long template = fixtures.template(unique("progress"), steps -> RunFixtures.operatorStep(steps, operator));
        long runId = fixtures.start(fixtures.job(unique("progress"), "CONTINUE", template, List.of(nodes.get(0))));

        String progress = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (progress == null && System.nanoTime() < deadline) {
            JsonNode host = admin().get("/api/v1/runs/" + runId).json().get("items").get(0).get("steps").get(0).get("hosts").path(0);
            if (host.path("status").asString("").equals("RUNNING") && host.path("progress").isString()
                    && host.path("progress").asString().contains("wait for the GPUs to settle")) {
                progress = host.path("progress").asString();
            }
            RunFixtures.pause(200);
        }

        assertThat(progress).as("the running node's current task").contains("wait for the GPUs to settle");
        JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(2));
        JsonNode host = run.get("items").get(0).get("steps").get(0).get("hosts").get(0);
        assertThat(host.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(host.has("progress")).as("progress is only for a running node").isFalse();
    }

    private JsonNode runOn(long template, String policy, List<Long> targets) {
        long runId = fixtures.start(fixtures.job(unique("truth"), policy, template, targets));
        JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(3));
        assertThat(RunFixtures.isFinal(run.get("status").asString())).as(run.toString()).isTrue();
        return run;
    }

    /** Each step's cells of the run's only item, by node address. */
    private static List<Map<String, JsonNode>> cells(JsonNode run) {
        List<Map<String, JsonNode>> steps = new java.util.ArrayList<>();
        run.get("items").get(0).get("steps").forEach(step -> {
            Map<String, JsonNode> byIp = new LinkedHashMap<>();
            step.get("hosts").forEach(host -> byIp.put(host.get("ip").asString(), host));
            steps.add(byIp);
        });
        return steps;
    }

    /** Every node of every item has a cell in every step, and none is open. */
    private static void assertNoCellPending(JsonNode run) {
        assertThat(RunFixtures.isFinal(run.get("status").asString())).isTrue();
        run.get("items").forEach(item -> item.get("steps").forEach(step -> {
            assertThat(step.get("hosts").size()).as(step.toString()).isEqualTo(item.get("nodes").size());
            step.get("hosts").forEach(host -> assertThat(host.get("status").asString()).as(step.toString())
                    .isNotIn("QUEUED", "RUNNING", "PENDING"));
        }));
    }
}
