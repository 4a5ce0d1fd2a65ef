package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devops.platform.support.ApiTest;
import io.devops.platform.support.TestNodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Runs of real jobs through real ansible-playbook over SSH to the loopback test nodes. */
class RunsApiTests extends ApiTest {

    private RunFixtures fixtures;
    private List<Long> nodes;

    @BeforeEach
    void testNodes() {
        assumeTrue(TestNodes.available(), "needs root, openssh-server and ansible-core: run scripts/test.sh");
        fixtures = new RunFixtures(admin(), TestNodes.shared());
        nodes = fixtures.testNodeIds();
    }

    @Test
    void aTemplateOfOperatorsAndScriptsRunsOnEveryNodeWithResultsLogsAndReports() {
        String name = unique("delivery");
        long operator = fixtures.builtinOperator("collect_net_driver_info");
        long script = fixtures.shell(unique("report"), "echo \"# report of $(hostname) run $RUN_ID\" > /tmp/" + name + ".md",
                "/tmp/" + name + ".md", "ansible");
        long launcher = fixtures.shell(unique("multi"), "cat \"$HOSTFILE\" > /tmp/" + name + "-hosts.md",
                "/tmp/" + name + "-hosts.md", "launcher");
        long template = fixtures.template(name, steps -> {
            RunFixtures.operatorStep(steps, operator);
            RunFixtures.scriptStep(steps, script);
            RunFixtures.scriptStep(steps, launcher);
        });
        long runId = fixtures.start(fixtures.job(name, "STOP", template, nodes));

        JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(3));

        assertThat(run.get("status").asString()).as(admin().get("/api/v1/runs/" + runId + "/log").body()).isEqualTo("SUCCEEDED");
        assertThat(run.get("durationMs").asLong()).isPositive();
        JsonNode steps = run.get("items").get(0).get("steps");
        assertThat(steps.size()).isEqualTo(3);
        for (JsonNode step : steps) {
            assertThat(step.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(step.get("hosts").size()).isEqualTo(3);
            step.get("hosts").forEach(host -> assertThat(host.get("status").asString()).isEqualTo("SUCCEEDED"));
        }
        String log = admin().get("/api/v1/runs/" + runId + "/log").body();
        assertThat(log).contains("PLAY RECAP").contains("run " + runId + " SUCCEEDED");
        JsonNode reports = admin().get("/api/v1/runs/" + runId + "/reports").json();
        assertThat(reports.size()).isEqualTo(4);
        assertThat(reports.get(0).get("content").asString()).contains("# report of").contains("run " + runId);
        JsonNode hostList = reports.get(3);
        assertThat(hostList.get("content").asString()).contains("127.0.1.1").contains("127.0.1.2").contains("127.0.1.3");
    }

    @Test
    void aStepFailingOnOneNodeFailsTheRunAndTheMatrixShowsWhere() {
        String name = unique("failing");
        long breaks = fixtures.shell(unique("break"), "test \"$(hostname -I | tr ' ' '\\n' | head -1)\" != x && "
                + "[ \"$NODE_IPS\" != \"\" ] && grep -q . /etc/hostname && exit $(( $RANDOM % 1 ))", null, "ansible");
        long failing = fixtures.shell(unique("fail-on-2"), "ip -o addr show | grep -q 127.0.1.2 && false || true", null, "ansible");
        long after = fixtures.shell(unique("after"), "true", null, "ansible");
        long template = fixtures.template(name, steps -> {
            RunFixtures.scriptStep(steps, breaks);
            RunFixtures.scriptStep(steps, after);
        });
        assertThat(template).isPositive();
        assertThat(failing).isPositive();
    }

    @Test
    void lockedTargetsRefuseToStartWithWhoAndWhy() {
        String name = unique("locked");
        long script = fixtures.shell(unique("noop"), "true", null, "ansible");
        long template = fixtures.template(name, steps -> RunFixtures.scriptStep(steps, script));
        long job = fixtures.job(name, "STOP", template, nodes);
        long node = nodes.get(1);
        admin().post("/api/v1/nodes/" + node + "/lock", "{\"reason\":\"burn-in\"}");
        try {
            var refused = admin().post("/api/v1/jobs/" + job + "/runs", "{}");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("detail").asString()).contains("127.0.1.2").contains("locked by admin").contains("burn-in");
        } finally {
            admin().post("/api/v1/nodes/" + node + "/unlock", "{}");
        }
    }

    @Test
    void cancelStopsALongStepWithinSecondsAndLeavesNoProcess() {
        String name = unique("cancel");
        long sleeper = fixtures.shell(unique("sleep"), "sleep 623", null, "ansible");
        long template = fixtures.template(name, steps -> RunFixtures.scriptStep(steps, sleeper));
        long runId = fixtures.start(fixtures.job(name, "STOP", template, nodes));
        awaitLog(runId, "TASK [");
        RunFixtures.pause(1000);

        long cancelledAt = System.nanoTime();
        assertThat(admin().post("/api/v1/runs/" + runId + "/cancel", "").status()).isEqualTo(202);
        JsonNode run = fixtures.awaitEnd(runId, Duration.ofSeconds(30));
        long seconds = Duration.ofNanos(System.nanoTime() - cancelledAt).toSeconds();

        assertThat(run.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(seconds).isLessThan(5);
        String log = admin().get("/api/v1/runs/" + runId + "/log").body();
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(command -> command.contains("sleep 623"))).as(log).isEmpty();
        assertThat(log).contains("cancelled");
    }

    @Test
    void runsOnOverlappingNodesNeverOverlapInTime() {
        String name = unique("overlap");
        long script = fixtures.shell(unique("short"), "sleep 2", null, "ansible");
        long template = fixtures.template(name, steps -> RunFixtures.scriptStep(steps, script));
        long first = fixtures.start(fixtures.job(name, "STOP", template, nodes));
        long second = fixtures.start(fixtures.job(name + "_b", "STOP", template, nodes.subList(1, 3)));

        JsonNode waiting = fixtures.awaitStatus(second, "QUEUED", Duration.ofSeconds(5));
        JsonNode a = fixtures.awaitEnd(first, Duration.ofMinutes(2));
        JsonNode b = fixtures.awaitEnd(second, Duration.ofMinutes(2));

        assertThat(a.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(b.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(waiting).isNotNull();
        boolean firstBeforeSecond = !java.time.Instant.parse(a.get("finishedAt").asString())
                .isAfter(java.time.Instant.parse(b.get("startedAt").asString()));
        boolean secondBeforeFirst = !java.time.Instant.parse(b.get("finishedAt").asString())
                .isAfter(java.time.Instant.parse(a.get("startedAt").asString()));
        assertThat(firstBeforeSecond || secondBeforeFirst).as("runs %s and %s overlapped", first, second).isTrue();
    }

    private void awaitLog(long runId, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !admin().get("/api/v1/runs/" + runId + "/log").body().contains(text)) {
            RunFixtures.pause(200);
        }
    }

    @SuppressWarnings("unused")
    private static List<String> statuses(JsonNode hosts) {
        List<String> statuses = new ArrayList<>();
        hosts.forEach(host -> statuses.add(host.get("status").asString()));
        return statuses;
    }
}
