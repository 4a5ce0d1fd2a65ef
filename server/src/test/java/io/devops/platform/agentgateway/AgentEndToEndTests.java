package io.devops.platform.agentgateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.AgentProcess;
import io.devops.platform.support.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Real agent processes on loopback addresses, each with its own work dir, against the real server. */
class AgentEndToEndTests extends ApiTest {

    private static final Duration START = Duration.ofSeconds(30);

    @TempDir
    Path dirs;

    private final List<AgentProcess> agents = new ArrayList<>();
    private AgentFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AgentFixtures(admin(), anonymous());
    }

    @AfterEach
    void stopAgents() throws InterruptedException {
        for (AgentProcess agent : agents) {
            agent.close();
        }
    }

    @Test
    void anEnrolledAgentAppearsWithItsGpuFactsAndIsOnline() throws Exception {
        String ip = uniqueIp();
        AgentProcess agent = start(fixtures.token(1, null), ip, "a");

        long node = nodeOf(ip);
        JsonNode view = admin().get("/api/v1/nodes/" + node).json();

        assertThat(view.get("registeredAt").isNull()).isFalse();
        assertThat(view.get("agent").get("status").asString()).isEqualTo("ONLINE");
        assertThat(view.get("gpuType").asString()).isEqualTo("NVIDIA H100 80GB HBM3");
        assertThat(view.get("gpuCount").asInt()).isEqualTo(8);
        JsonNode gpu = view.get("facts").get("gpu");
        assertThat(gpu.get("driverVersion").asString()).isEqualTo("550.54.15");
        assertThat(gpu.get("cudaVersion").asString()).isEqualTo("12.4");
        assertThat(view.get("facts").get("kernel").asString()).isNotBlank();
        assertThat(view.get("facts").get("memory").get("totalBytes").asLong()).isPositive();
        String secret = agent.credential(); // waits for the file, written a moment after the server shows the node
        Path credential = agent.workDir().resolve("credential");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credential))).isEqualTo("rw-------");
        assertThat(agent.log()).doesNotContain(secret);
    }

    @Test
    void commandsRunOnSeveralAgentsWithStreamedOutputAndExitCodes() throws Exception {
        String token = fixtures.token(3, null);
        List<Long> nodes = new ArrayList<>();
        for (String name : List.of("b1", "b2", "b3")) {
            String ip = uniqueIp();
            start(token, ip, name);
            nodes.add(nodeOf(ip));
        }
        List<Long> commands = new ArrayList<>();
        for (long node : nodes) {
            commands.add(submit(node, "{\"script\":\"echo \\\"hello $1 from $MARK\\\"; echo warning >&2; exit 4\","
                    + "\"args\":[\"world\"],\"env\":{\"MARK\":\"node-" + node + "\"},\"timeoutSeconds\":30}"));
        }

        for (int i = 0; i < nodes.size(); i++) {
            JsonNode done = finished(commands.get(i), Duration.ofSeconds(20));
            assertThat(done.get("status").asString()).isEqualTo("FAILED");
            assertThat(done.get("exitCode").asInt()).isEqualTo(4);
            assertThat(done.get("message").asString()).isEqualTo("exit code 4");
            String output = output(commands.get(i));
            assertThat(output).contains("stdout:hello world from node-" + nodes.get(i) + "\n").contains("stderr:warning\n");
        }
    }

    @Test
    void cancelKillsTheProcessTreeOnEveryNodeWithinFiveSeconds() throws Exception {
        String token = fixtures.token(3, null);
        List<Long> commands = new ArrayList<>();
        for (String name : List.of("c1", "c2", "c3")) {
            String ip = uniqueIp();
            start(token, ip, name);
            commands.add(submit(nodeOf(ip), "{\"script\":\"sleep 600 & echo child $!; wait\",\"timeoutSeconds\":900}"));
        }
        List<Long> children = new ArrayList<>();
        for (long command : commands) {
            String output = Eventually.within(Duration.ofSeconds(20), "command " + command + " started",
                    () -> output(command).contains("child ") ? output(command) : null);
            Matcher pid = Pattern.compile("child (\\d+)").matcher(output);
            assertThat(pid.find()).isTrue();
            children.add(Long.parseLong(pid.group(1)));
        }

        long started = System.nanoTime();
        commands.forEach(command -> admin().post("/api/v1/agent-commands/" + command + "/cancel", "{}"));

        for (long command : commands) {
            assertThat(finished(command, Duration.ofSeconds(5)).get("status").asString()).isEqualTo("CANCELLED");
        }
        for (long child : children) {
            Eventually.within(Duration.ofSeconds(5), "sleep " + child + " killed",
                    () -> !ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aRevokedAgentIsRefusedAtOnceAndStops() throws Exception {
        String ip = uniqueIp();
        AgentProcess agent = start(fixtures.token(1, null), ip, "d");
        long node = nodeOf(ip);

        admin().post("/api/v1/nodes/" + node + "/agent/revoke", "{}");

        assertThat(anonymous().bearer(agent.credential()).post("/api/v1/agent/heartbeat", "{}").status()).isEqualTo(401);
        assertThat(agent.waitForExit(10)).isEqualTo(3);
        assertThat(agent.log()).contains("refused this agent's credential");
    }

    @Test
    void oneAgentCannotReadOrAnswerAnotherNodesCommand() throws Exception {
        String token = fixtures.token(2, null);
        String ipA = uniqueIp();
        String ipB = uniqueIp();
        start(token, ipA, "e1");
        AgentProcess b = start(token, ipB, "e2");
        nodeOf(ipB); // enrolled: its credential file exists
        long command = submit(nodeOf(ipA), "{\"script\":\"echo mine\",\"timeoutSeconds\":30}");
        finished(command, Duration.ofSeconds(20));
        Api asB = anonymous().bearer(b.credential());

        var forged = asB.post("/api/v1/agent/commands/" + command + "/output",
                "{\"chunks\":[{\"seq\":99,\"stream\":\"stdout\",\"content\":\"forged\"}]}");
        var answered = asB.post("/api/v1/agent/commands/" + command + "/result", "{\"outcome\":\"EXITED\",\"exitCode\":1}");

        assertThat(forged.status()).isEqualTo(403);
        assertThat(answered.status()).isEqualTo(403);
        assertThat(output(command)).isEqualTo("stdout:mine\n");
        assertThat(admin().get("/api/v1/agent-commands/" + command).json().get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void anAgentKilledMidCommandComesBackAndTheCommandEndsLostWithAClearMessage() throws Exception {
        String ip = uniqueIp();
        AgentProcess first = start(fixtures.token(1, null), ip, "f");
        long node = nodeOf(ip);
        long command = submit(node, "{\"script\":\"echo started; sleep 600\",\"timeoutSeconds\":900}");
        Eventually.within(Duration.ofSeconds(20), "command started", () -> output(command).contains("started"));

        first.kill();
        agents.add(AgentProcess.start(serverUrl(), null, ip, first.workDir()));

        JsonNode lost = finished(command, Duration.ofSeconds(30));
        assertThat(lost.get("status").asString()).isEqualTo("LOST");
        assertThat(lost.get("message").asString()).contains("restarted");
        long next = submit(node, "{\"script\":\"echo back\",\"timeoutSeconds\":30}");
        assertThat(finished(next, Duration.ofSeconds(20)).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aCommandThatFinishesWhileTheNetworkIsDownIsReportedOnceWhenItIsBack() throws Exception {
        try (TcpRelay relay = new TcpRelay(port)) {
            String ip = uniqueIp();
            AgentProcess agent = AgentProcess.start(relay.url(), fixtures.token(1, null), ip, dirs.resolve("g"));
            agents.add(agent);
            long node = Eventually.within(START, "node " + ip + " enrolled", () -> nodeIdOrNull(ip));
            Path done = dirs.resolve("g-done");
            long command = submit(node, "{\"script\":\"echo before; sleep 2; echo after; touch " + done
                    + "\",\"timeoutSeconds\":60}");
            Eventually.within(Duration.ofSeconds(20), "command started", () -> output(command).contains("before"));

            relay.cut();
            Eventually.within(Duration.ofSeconds(20), "command ended while the network was down", () -> Files.exists(done));
            assertThat(admin().get("/api/v1/agent-commands/" + command).json().get("status").asString()).isEqualTo("DELIVERED");
            relay.restore();

            assertThat(finished(command, Duration.ofSeconds(60)).get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(output(command)).isEqualTo("stdout:before\nstdout:after\n");
        }
    }

    private AgentProcess start(String token, String ip, String name) {
        AgentProcess agent = AgentProcess.start(serverUrl(), token, ip, dirs.resolve(name));
        agents.add(agent);
        return agent;
    }

    private String serverUrl() {
        return "http://127.0.0.1:" + port;
    }

    private long nodeOf(String ip) throws InterruptedException {
        return Eventually.within(START, "node " + ip + " enrolled and online", () -> {
            Long id = nodeIdOrNull(ip);
            return id != null && "ONLINE".equals(admin().get("/api/v1/nodes/" + id).json().get("agent").get("status").asString())
                    ? id : null;
        });
    }

    private Long nodeIdOrNull(String ip) {
        JsonNode items = admin().get("/api/v1/nodes?q=" + ip).json().get("items");
        for (JsonNode item : items) {
            if (item.get("ip").asString().equals(ip) && item.get("agent") != null && !item.get("agent").isNull()) {
                return item.get("id").asLong();
            }
        }
        return null;
    }

    private long submit(long node, String body) {
        var created = admin().post("/api/v1/nodes/" + node + "/agent/commands", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private JsonNode finished(long command, Duration within) throws InterruptedException {
        return Eventually.within(within, "command " + command + " finished", () -> {
            JsonNode state = admin().get("/api/v1/agent-commands/" + command).json();
            return List.of("SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT", "LOST").contains(state.get("status").asString())
                    ? state : null;
        });
    }

    /** The output as {@code stream:text} pieces in sequence order. */
    private String output(long command) {
        StringBuilder text = new StringBuilder();
        for (JsonNode chunk : admin().get("/api/v1/agent-commands/" + command + "/output").json()) {
            text.append(chunk.get("stream").asString()).append(':').append(chunk.get("content").asString());
        }
        return text.toString();
    }
}
