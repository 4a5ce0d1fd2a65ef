package io.devops.platform.agentgateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.AgentProcess;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.FailingWrites;
import io.devops.platform.support.RunFixtures;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A real agent delivering a command's output through a run: all of it, byte for byte, however
 * much there is, and a step that fails within seconds when the server cannot store it.
 */
class AgentOutputDeliveryTests extends ApiTest {

    private static final long FIFTY_MIB = 50L * 1024 * 1024;

    @TempDir
    Path dir;

    @Autowired
    DataSource dataSource;

    private AgentProcess agent;
    private RunFixtures runs;
    private String ip;
    private long node;

    @BeforeEach
    void startAgent() throws InterruptedException {
        runs = new RunFixtures(admin(), null);
        ip = uniqueIp();
        agent = AgentProcess.start("http://127.0.0.1:" + port, new AgentFixtures(admin(), anonymous()).token(1, null), ip,
                dir.resolve("agent"));
        node = Eventually.within(Duration.ofSeconds(30), "agent on " + ip + " online", this::onlineNode);
    }

    @AfterEach
    void stopAgent() throws InterruptedException {
        agent.close();
    }

    @Test
    void fiftyMegabytesOfOutputReachTheRunLogWholeWithTheChecksumTheNodeComputed() throws Exception {
        Path output = dir.resolve("output.txt");
        Path checksum = dir.resolve("output.sha256");
        // Random text in lines of 100 characters, every fifth with 2-, 3- and 4-byte characters, then
        // one line of 400,000 characters full of 3- and 4-byte ones (so chunks are cut inside lines).
        String command = """
                set -euo pipefail
                {
                  head -c 37748736 /dev/urandom | base64 -w 100 | awk 'NR % 5 == 0 { print $0 "Ωé€𝄞漢字"; next } { print }'
                  head -c 300000 /dev/urandom | base64 -w 0 | sed 's/A/€/g; s/B/😀/g'
                  echo
                } > OUTPUT
                sha256sum OUTPUT | cut -d' ' -f1 > CHECKSUM
                cat OUTPUT""".replace("OUTPUT", output.toString()).replace("CHECKSUM", checksum.toString());

        long runId = runs.start(agentJob(command));
        JsonNode run = runs.awaitEnd(runId, Duration.ofSeconds(120));

        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(Files.size(output)).isGreaterThanOrEqualTo(FIFTY_MIB);
        String expected = Files.readString(checksum).strip();
        JsonNode step = run.get("items").get(0).get("steps").get(0);
        assertThat(sha256Of("/api/v1/runs/" + runId + "/log?outputId=" + step.get("outputId").asLong() + "&nodeId=" + node))
                .isEqualTo(expected);
        assertThat(commandOutputSha256(lastCommandOfNode())).isEqualTo(expected);
    }

    @Test
    void outputTheServerCannotStoreFailsTheStepWithinSecondsAndIsStoredOnceWritesWorkAgain() throws Exception {
        String marker = unique("unstorable");
        long runId;
        JsonNode run;
        long started = System.nanoTime();
        try (FailingWrites full = FailingWrites.into(dataSource, "agent_command_output", marker)) {
            runId = runs.start(agentJob("echo " + marker + "; echo after"));
            run = runs.awaitEnd(runId, Duration.ofSeconds(30));
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        JsonNode host = run.get("items").get(0).get("steps").get(0).get("hosts").get(0);
        assertThat(host.get("status").asString()).isEqualTo("FAILED");
        assertThat(host.get("message").asString()).contains("the server could not store the command's output")
                .contains(FailingWrites.MESSAGE);
        // The agent kept the output: it is stored once the database takes it again.
        long command = lastCommandOfNode();
        Eventually.within(Duration.ofSeconds(45), "the output stored after all",
                () -> commandOutput(command).equals(marker + "\nafter\n"));
    }

    @Test
    void aRunLogThatCannotBeWrittenFailsTheAgentStepWithinSecondsAndStopsItsCommand() throws Exception {
        String marker = unique("unwritable");
        JsonNode run;
        long started = System.nanoTime();
        try (FailingWrites full = FailingWrites.into(dataSource, "run_log_chunks", marker)) {
            run = runs.awaitEnd(runs.start(agentJob("echo " + marker + "; sleep 600")), Duration.ofSeconds(30));
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        JsonNode step = run.get("items").get(0).get("steps").get(0);
        assertThat(step.get("message").asString()).startsWith("the run log could not be written since")
                .contains(FailingWrites.MESSAGE);
        assertThat(step.get("hosts").get(0).get("status").asString()).isEqualTo("FAILED");
        long command = lastCommandOfNode();
        Eventually.within(Duration.ofSeconds(10), "the command killed", () -> "CANCELLED".equals(
                admin().get("/api/v1/agent-commands/" + command).json().get("status").asString()));
    }

    private long agentJob(String command) {
        long shell = runs.shell(unique("output"), command, null, "agent");
        long template = runs.template(unique("output-template"), steps -> RunFixtures.scriptStep(steps, shell));
        return runs.job(unique("output-job"), "STOP", template, List.of(node));
    }

    private long lastCommandOfNode() {
        return admin().get("/api/v1/nodes/" + node + "/agent").json().get("recentCommands").get(0).get("id").asLong();
    }

    private String commandOutput(long command) {
        StringBuilder text = new StringBuilder();
        admin().get("/api/v1/agent-commands/" + command + "/output").json().forEach(chunk -> text.append(chunk.get("content").asString()));
        return text.toString();
    }

    /** The command's stored stdout, read page by page through the API. */
    private String commandOutputSha256(long command) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        int after = -1;
        while (true) {
            JsonNode page = admin().get("/api/v1/agent-commands/" + command + "/output?afterSeq=" + after + "&limit=100").json();
            if (page.isEmpty()) {
                return HexFormat.of().formatHex(digest.digest());
            }
            for (JsonNode chunk : page) {
                assertThat(chunk.get("seq").asInt()).isEqualTo(after + 1);
                assertThat(chunk.get("stream").asString()).isEqualTo("stdout");
                digest.update(chunk.get("content").asString().getBytes(StandardCharsets.UTF_8));
                after = chunk.get("seq").asInt();
            }
        }
    }

    /** Streams a (large) answer through SHA-256 rather than holding it as a string. */
    private String sha256Of(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = body.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private Long onlineNode() {
        for (JsonNode item : admin().get("/api/v1/nodes?q=" + ip).json().get("items")) {
            JsonNode presence = item.get("agent");
            if (item.get("ip").asString().equals(ip) && presence != null && !presence.isNull()
                    && "ONLINE".equals(presence.get("status").asString())) {
                return item.get("id").asLong();
            }
        }
        return null;
    }
}
