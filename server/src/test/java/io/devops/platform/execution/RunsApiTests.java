package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import io.devops.platform.support.TestNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Runs of real jobs through real ansible-playbook over SSH to the loopback test nodes. */
class RunsApiTests extends ApiTest {

    private RunFixtures fixtures;
    private List<Long> nodes;

    @BeforeEach
    void testNodes() {
        fixtures = RunFixtures.onTestNodes(admin());
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
        // The operator's role (collect_net_driver_info) declares /tmp/net_driver_info.md: one per node first.
        assertThat(reports.size()).isEqualTo(7);
        for (int i = 0; i < 3; i++) {
            assertThat(reports.get(i).get("path").asString()).isEqualTo("/tmp/net_driver_info.md");
        }
        assertThat(reports.get(3).get("content").asString()).contains("# report of").contains("run " + runId);
        JsonNode hostList = reports.get(6);
        assertThat(hostList.get("content").asString()).contains("127.0.1.1").contains("127.0.1.2").contains("127.0.1.3");
    }

    @Test
    void aStepFailingOnOneNodeStopsTheRunAndTheMatrixShowsWhereAndResumeFinishesIt() throws Exception {
        String name = unique("failing");
        java.nio.file.Path flag = java.nio.file.Path.of("/tmp/" + name + ".broken");
        java.nio.file.Files.writeString(flag, "x");
        long runId = fixtures.start(fixtures.job(name, "STOP", fixtures.failingWhileFlagged(name, "127.0.1.2", flag), nodes));

        JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(2));

        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        JsonNode steps = run.get("items").get(0).get("steps");
        assertThat(steps.get(0).get("status").asString()).isEqualTo("FAILED");
        assertThat(hostStatuses(steps.get(0))).containsExactly("SUCCEEDED", "FAILED", "SUCCEEDED");
        JsonNode broken = steps.get(0).get("hosts").get(1);
        assertThat(broken.get("ip").asString()).isEqualTo("127.0.1.2");
        assertThat(broken.get("rc").asInt()).isEqualTo(3);
        assertThat(broken.get("message").asString()).contains("broken on 127.0.1.2");
        assertThat(steps.get(1).get("status").asString()).isEqualTo("SKIPPED");

        java.nio.file.Files.delete(flag);
        assertThat(admin().post("/api/v1/runs/" + runId + "/resume", "").status()).isEqualTo(202);
        JsonNode resumed = fixtures.awaitEnd(runId, Duration.ofMinutes(2));
        assertThat(resumed.get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode resumedSteps = resumed.get("items").get(0).get("steps");
        assertThat(hostStatuses(resumedSteps.get(0))).containsExactly("SUCCEEDED", "SUCCEEDED", "SUCCEEDED");
        assertThat(hostStatuses(resumedSteps.get(1))).containsExactly("SUCCEEDED", "SUCCEEDED", "SUCCEEDED");
    }

    @Test
    void withContinueTheHealthyNodesFinishAndReRunFailedTargetsOnlyTheFailedNode() {
        String name = unique("continue");
        long failing = fixtures.shell(unique("fail-on-2"), "[ \"$NODE_IP\" != 127.0.1.2 ]", null, "ansible");
        long after = fixtures.shell(unique("after"), "true", null, "ansible");
        long template = fixtures.template(name, steps -> {
            RunFixtures.scriptStep(steps, failing);
            RunFixtures.scriptStep(steps, after);
        });
        long runId = fixtures.start(fixtures.job(name, "CONTINUE", template, nodes));

        JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(2));

        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        JsonNode second = run.get("items").get(0).get("steps").get(1);
        assertThat(second.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(hostStatusByIp(second)).containsExactly(entry("127.0.1.1", "SUCCEEDED"), entry("127.0.1.2", "SKIPPED"),
                entry("127.0.1.3", "SUCCEEDED"));
        assertThat(hostByIp(second, "127.0.1.2").get("message").asString()).contains("did not get through step");
        assertThat(nodeStatusByIp(run)).containsExactly(entry("127.0.1.1", "SUCCEEDED"), entry("127.0.1.2", "FAILED"),
                entry("127.0.1.3", "SUCCEEDED"));

        var rerun = admin().post("/api/v1/runs/" + runId + "/rerun-failed", "");
        assertThat(rerun.status()).isEqualTo(202);
        JsonNode again = fixtures.awaitEnd(rerun.id(), Duration.ofMinutes(2));
        assertThat(again.get("previousRunId").asLong()).isEqualTo(runId);
        assertThat(again.get("items").get(0).get("nodes").size()).isEqualTo(1);
        assertThat(again.get("items").get(0).get("nodes").get(0).get("ip").asString()).isEqualTo("127.0.1.2");
    }

    /**
     * Under CONTINUE a node that failed step 1 did not run step 2. Resumed once step 1 can pass on
     * it, it runs step 1 and then step 2 (the healthy nodes run neither again), and only then has
     * the run succeeded on it.
     */
    @Test
    void resumeUnderContinueRunsTheFailedStepForTheFailedNodeOnlyAndThenTheStepsItMissed() throws Exception {
        String name = unique("resume-continue");
        Path flag = Path.of("/tmp/" + name + ".broken");
        Files.writeString(flag, "x");
        long runId = fixtures.start(fixtures.job(name, "CONTINUE", ranMarkingTemplate(name, flag), nodes));
        JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(2));
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        assertThat(ranOn(name, 2)).containsExactly("127.0.1.1", "127.0.1.3");

        Files.delete(flag);
        assertThat(admin().post("/api/v1/runs/" + runId + "/resume", "").status()).isEqualTo(202);
        JsonNode resumed = fixtures.awaitEnd(runId, Duration.ofMinutes(2));

        // The failed node ran step 2 once it got through step 1; the others ran nothing again.
        assertThat(ranOn(name, 2)).containsExactly("127.0.1.1", "127.0.1.2", "127.0.1.3");
        assertThat(ranOn(name, 1)).containsExactly("127.0.1.1", "127.0.1.2", "127.0.1.2", "127.0.1.3");
        assertThat(resumed.get("status").asString()).as(admin().get("/api/v1/runs/" + runId + "/log").body()).isEqualTo("SUCCEEDED");
        for (JsonNode step : resumed.get("items").get(0).get("steps")) {
            assertThat(hostStatusByIp(step)).containsExactly(entry("127.0.1.1", "SUCCEEDED"), entry("127.0.1.2", "SUCCEEDED"),
                    entry("127.0.1.3", "SUCCEEDED"));
        }
        assertThat(nodeStatusByIp(resumed)).containsExactly(entry("127.0.1.1", "SUCCEEDED"), entry("127.0.1.2", "SUCCEEDED"),
                entry("127.0.1.3", "SUCCEEDED"));
        assertThat(admin().post("/api/v1/runs/" + runId + "/rerun-failed", "").status()).isEqualTo(409);
    }

    /**
     * A node that fails step 1 again on resume stays out of step 2: it is not reported as having
     * succeeded the run, and re-running the failed nodes picks it.
     */
    @Test
    void resumeUnderContinueKeepsANodeThatFailsAgainOutOfTheLaterStepsAndTheRunFailedOnIt() throws Exception {
        String name = unique("resume-fails-again");
        Path flag = Path.of("/tmp/" + name + ".broken");
        Files.writeString(flag, "x");
        long runId = fixtures.start(fixtures.job(name, "CONTINUE", ranMarkingTemplate(name, flag), nodes));
        assertThat(fixtures.awaitEnd(runId, Duration.ofMinutes(2)).get("status").asString()).isEqualTo("FAILED");

        assertThat(admin().post("/api/v1/runs/" + runId + "/resume", "").status()).isEqualTo(202);
        JsonNode resumed = fixtures.awaitEnd(runId, Duration.ofMinutes(2));
        Files.delete(flag);

        assertThat(ranOn(name, 1)).containsExactly("127.0.1.1", "127.0.1.2", "127.0.1.2", "127.0.1.3");
        assertThat(ranOn(name, 2)).containsExactly("127.0.1.1", "127.0.1.3");
        assertThat(resumed.get("status").asString()).isEqualTo("FAILED");
        JsonNode steps = resumed.get("items").get(0).get("steps");
        assertThat(hostStatusByIp(steps.get(0))).containsExactly(entry("127.0.1.1", "SUCCEEDED"), entry("127.0.1.2", "FAILED"),
                entry("127.0.1.3", "SUCCEEDED"));
        assertThat(hostStatusByIp(steps.get(1))).containsExactly(entry("127.0.1.1", "SUCCEEDED"), entry("127.0.1.2", "SKIPPED"),
                entry("127.0.1.3", "SUCCEEDED"));
        assertThat(nodeStatusByIp(resumed)).containsExactly(entry("127.0.1.1", "SUCCEEDED"), entry("127.0.1.2", "FAILED"),
                entry("127.0.1.3", "SUCCEEDED"));
        var rerun = admin().post("/api/v1/runs/" + runId + "/rerun-failed", "");
        assertThat(rerun.status()).isEqualTo(202);
        JsonNode again = fixtures.awaitEnd(rerun.id(), Duration.ofMinutes(2));
        assertThat(again.get("items").get(0).get("nodes")).extracting(node -> node.get("ip").asString()).containsExactly("127.0.1.2");
    }

    /** Two steps that each append the node's address to /tmp/NAME-STEP.ran; step 1 fails on 127.0.1.2 while {@code flag} exists. */
    private long ranMarkingTemplate(String name, Path flag) {
        long first = fixtures.shell(unique("first"), "echo \"$NODE_IP\" >> /tmp/" + name + "-1.ran; "
                + "if [ \"$NODE_IP\" = 127.0.1.2 ] && [ -f " + flag + " ]; then echo broken on $NODE_IP >&2; exit 3; fi", null, "ansible");
        long second = fixtures.shell(unique("second"), "echo \"$NODE_IP\" >> /tmp/" + name + "-2.ran", null, "ansible");
        return fixtures.template(name, steps -> {
            RunFixtures.scriptStep(steps, first);
            RunFixtures.scriptStep(steps, second);
        });
    }

    /** The addresses that ran step {@code step} of {@link #ranMarkingTemplate}, sorted (the nodes run in parallel). */
    private static List<String> ranOn(String name, int step) throws java.io.IOException {
        Path ran = Path.of("/tmp/" + name + "-" + step + ".ran");
        return Files.exists(ran) ? Files.readAllLines(ran).stream().filter(line -> !line.isBlank()).sorted().toList() : List.of();
    }

    @Test
    void oneNodesOutputOfAStepAndTheLogsTailAreReadWithoutTheWholeLog() {
        String name = unique("per-node");
        long script = fixtures.shell(unique("hello"), "echo \"hello from $NODE_IP\"", null, "ansible");
        long template = fixtures.template(name, steps -> RunFixtures.scriptStep(steps, script));
        long runId = fixtures.start(fixtures.job(name, "CONTINUE", template, nodes));
        JsonNode step = fixtures.awaitEnd(runId, Duration.ofMinutes(2)).get("items").get(0).get("steps").get(0);
        String base = "/api/v1/runs/" + runId;

        String second = admin().get(base + "/log?outputId=" + step.get("outputId").asLong() + "&nodeId=" + nodes.get(1)).body();

        assertThat(second).contains("hello from 127.0.1.2").doesNotContain("127.0.1.1").doesNotContain("127.0.1.3");
        String whole = admin().get(base + "/log").body();
        JsonNode all = admin().get(base + "/log/window?chunks=64").json();
        assertThat(all.get("content").asString()).isEqualTo(whole);
        assertThat(all.get("firstSeq").asLong()).isEqualTo(1);
        assertThat(all.get("hasEarlier").asBoolean()).isFalse();
        JsonNode tail = admin().get(base + "/log/window?chunks=1").json();
        assertThat(whole).endsWith(tail.get("content").asString());
        assertThat(tail.get("lastSeq").asLong()).isEqualTo(all.get("lastSeq").asLong());
        // The run's own lines and each step's output are separate chunks: the tail is the last one alone.
        assertThat(all.get("lastSeq").asLong()).isGreaterThan(1);
        assertThat(tail.get("firstSeq").asLong()).isEqualTo(tail.get("lastSeq").asLong());
        assertThat(tail.get("hasEarlier").asBoolean()).isTrue();
        assertThat(tail.get("content").asString().length()).isLessThan(whole.length());
        assertThat(admin().get(base + "/log/window?chunks=0").status()).isEqualTo(400);
        assertThat(admin().get(base + "/log?nodeId=" + nodes.get(1)).status()).isEqualTo(400);
    }

    @Test
    void anUnreachableNodeIsMarkedUnreachableWithTheReason() {
        String name = unique("unreachable");
        long script = fixtures.shell(unique("noop"), "true", null, "ansible");
        long template = fixtures.template(name, steps -> RunFixtures.scriptStep(steps, script));
        long job = fixtures.job(name, "CONTINUE", template, nodes);
        TestNodes.shared().stop(2);
        JsonNode run;
        try {
            run = fixtures.awaitEnd(fixtures.start(job), Duration.ofMinutes(2));
        } finally {
            TestNodes.shared().start(2);
        }
        JsonNode step = run.get("items").get(0).get("steps").get(0);
        assertThat(hostStatuses(step)).containsExactly("SUCCEEDED", "SUCCEEDED", "UNREACHABLE");
        assertThat(step.get("hosts").get(2).get("message").asString()).contains("127.0.1.3").containsIgnoringCase("ssh");
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
    }

    @Test
    void theEventStreamSendsStatusAndLogWhileTheRunGoesAndClosesAtTheEnd() throws Exception {
        String name = unique("events");
        long script = fixtures.shell(unique("slow"), "for i in 1 2 3; do echo tick $i; sleep 1; done", null, "ansible");
        long template = fixtures.template(name, steps -> RunFixtures.scriptStep(steps, script));
        long runId = fixtures.start(fixtures.job(name, "STOP", template, nodes));

        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/runs/" + runId + "/events"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes()))
                .timeout(Duration.ofMinutes(2)).build();
        long started = System.nanoTime();
        List<String> lines = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofLines()).body().toList();
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        String stream = String.join("\n", lines);
        assertThat(stream).contains("event:status").contains("\"status\":\"RUNNING\"").contains("event:log")
                .contains("PLAY RECAP").contains("\"status\":\"SUCCEEDED\"").contains("127.0.1.2 | tick 3");
        assertThat(lines).anyMatch(line -> line.startsWith("id:"));
        assertThat(seconds).isLessThan(110);
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
        String sleep = "sleep 623." + (100_000 + System.nanoTime() % 900_000); // no other test's process looks the same
        long sleeper = fixtures.shell(unique("sleep"), sleep, null, "ansible");
        long template = fixtures.template(name, steps -> RunFixtures.scriptStep(steps, sleeper));
        long runId = fixtures.start(fixtures.job(name, "STOP", template, nodes));
        try {
            awaitProcesses(sleep, 3);
        } catch (AssertionError notStarted) {
            admin().post("/api/v1/runs/" + runId + "/cancel", ""); // so that its nodes are not held for the next tests
            throw notStarted;
        }

        long cancelledAt = System.nanoTime();
        assertThat(admin().post("/api/v1/runs/" + runId + "/cancel", "").status()).isEqualTo(202);
        JsonNode run = fixtures.awaitEnd(runId, Duration.ofSeconds(30));
        long seconds = Duration.ofNanos(System.nanoTime() - cancelledAt).toSeconds();

        assertThat(run.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(seconds).isLessThan(5);
        String log = admin().get("/api/v1/runs/" + runId + "/log").body();
        assertThat(processes(sleep)).as(log).isEmpty();
        assertThat(log).contains("cancelled");
    }

    @Test
    void runsOnOverlappingNodesNeverOverlapInTime() {
        String name = unique("overlap");
        long script = fixtures.shell(unique("short"), "sleep 2", null, "ansible");
        long template = fixtures.template(name, steps -> RunFixtures.scriptStep(steps, script));
        long first = fixtures.start(fixtures.job(name, "STOP", template, nodes));
        long second = fixtures.start(fixtures.job(name + "_b", "STOP", template, nodes.subList(1, 3)));

        String waiting = awaitWaitingForTheOther(first, second);
        JsonNode a = fixtures.awaitEnd(first, Duration.ofMinutes(2));
        JsonNode b = fixtures.awaitEnd(second, Duration.ofMinutes(2));

        assertThat(a.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(b.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(waiting).as("one run waited for the other's nodes").matches(
                "waiting for nodes 127\\.0\\.1\\.[23], 127\\.0\\.1\\.[23] held by run (" + first + "|" + second + ")");
        boolean firstBeforeSecond = !java.time.Instant.parse(a.get("finishedAt").asString())
                .isAfter(java.time.Instant.parse(b.get("startedAt").asString()));
        boolean secondBeforeFirst = !java.time.Instant.parse(b.get("finishedAt").asString())
                .isAfter(java.time.Instant.parse(a.get("startedAt").asString()));
        assertThat(firstBeforeSecond || secondBeforeFirst).as("runs %s and %s overlapped", first, second).isTrue();
    }

    /** Waits until {@code count} processes run {@code command} on the (local) test nodes, and fails if they never do. */
    private static void awaitProcesses(String command, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> seen = processes(command);
        while (System.nanoTime() < deadline && seen.size() < count) {
            RunFixtures.pause(200);
            seen = processes(command);
        }
        // The sample that was counted: a node's `bash -c` replaces itself with the command, so a second
        // look may find one process fewer for a moment (CI saw 3, then 2).
        assertThat(seen).as("processes running " + command).hasSizeGreaterThanOrEqualTo(count);
    }

    private static List<String> processes(String command) {
        return ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains(command)).toList();
    }

    /** The waiting reason one of two runs on overlapping nodes shows while the other holds them (polled: it lasts seconds). */
    private String awaitWaitingForTheOther(long first, long second) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (long runId : List.of(first, second)) {
                JsonNode reason = admin().get("/api/v1/runs/" + runId).json().get("waitingReason");
                if (reason != null && !reason.isNull()) {
                    return reason.asString();
                }
            }
            RunFixtures.pause(100);
        }
        return null;
    }

    private static List<String> hostStatuses(JsonNode step) {
        List<String> statuses = new ArrayList<>();
        step.get("hosts").forEach(host -> statuses.add(host.get("status").asString()));
        return statuses;
    }

    private static Map<String, String> hostStatusByIp(JsonNode step) {
        Map<String, String> statuses = new TreeMap<>();
        step.get("hosts").forEach(host -> statuses.put(host.get("ip").asString(), host.get("status").asString()));
        return statuses;
    }

    private static JsonNode hostByIp(JsonNode step, String ip) {
        for (JsonNode host : step.get("hosts")) {
            if (host.get("ip").asString().equals(ip)) {
                return host;
            }
        }
        throw new AssertionError("no host " + ip + " in " + step);
    }

    /** Each node's status for the run (its first item's nodes). */
    private static Map<String, String> nodeStatusByIp(JsonNode run) {
        Map<String, String> statuses = new TreeMap<>();
        run.get("items").get(0).get("nodes").forEach(node -> statuses.put(node.get("ip").asString(), node.get("status").asString()));
        return statuses;
    }
}
