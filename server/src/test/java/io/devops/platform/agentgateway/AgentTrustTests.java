package io.devops.platform.agentgateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.AgentProcess;
import io.devops.platform.support.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Real agent processes: one cannot take over another's node, and the channel they speak is
 * HTTPS with the server's CA or certificate pinned (a TLS relay with a test-made certificate).
 */
class AgentTrustTests extends ApiTest {

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
    void anAgentWithAnotherTenantsTokenWaitsAndTheNodesAgentKeepsWorkingUntilAnAdminApproves() throws Exception {
        String ip = uniqueIp();
        AgentProcess owner = start(fixtures.token(1, fixtures.tenantPool(unique("tenant_a"))), ip, "owner");
        long node = online(ip);
        String ownerCredential = owner.credential();

        AgentProcess intruder = start(fixtures.token(1, fixtures.tenantPool(unique("tenant_b"))), ip, "intruder");
        long pending = Eventually.within(START, "a pending enrolment for " + ip, () -> pendingIdOf(ip));

        assertThat(succeeds(node, "echo still mine")).isTrue();
        assertThat(owner.isAlive()).isTrue();
        assertThat(Files.exists(intruder.workDir().resolve("credential"))).isFalse();
        assertThat(intruder.log()).contains("an admin must approve");

        var approved = admin().post("/api/v1/agent-enrollments/" + pending + "/approve", "{\"comment\":\"reinstalled\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

        assertThat(owner.waitForExit(15)).isEqualTo(3);
        assertThat(anonymous().bearer(ownerCredential).post("/api/v1/agent/heartbeat", "{}").status()).isEqualTo(401);
        Eventually.within(START, "the approved agent's credential", () -> Files.exists(intruder.workDir().resolve("credential")));
        assertThat(intruder.credential()).isNotEqualTo(ownerCredential);
        assertThat(online(ip)).isEqualTo(node);
        assertThat(succeeds(node, "echo now the new agent")).isTrue();
        assertThat(Files.exists(intruder.workDir().resolve("pending-enrollment"))).isFalse();
    }

    @Test
    void aNodeBoundTokenReEnrolsAReinstalledHost() throws Exception {
        String ip = uniqueIp();
        AgentProcess before = start(fixtures.token(1, null), ip, "before");
        long node = online(ip);
        String oldCredential = before.credential();
        before.kill();

        AgentProcess reinstalled = start(fixtures.tokenFor(node), ip, "reinstalled");

        Eventually.within(START, "the reinstalled host's credential", () -> Files.exists(reinstalled.workDir().resolve("credential")));
        assertThat(online(ip)).isEqualTo(node);
        assertThat(anonymous().bearer(oldCredential).post("/api/v1/agent/heartbeat", "{}").status()).isEqualTo(401);
        assertThat(succeeds(node, "echo reinstalled")).isTrue();
    }

    @Test
    void theAgentTalksHttpsToAServerWhoseCaItWasGiven() throws Exception {
        TestCertificates certificates = TestCertificates.create(dirs.resolve("tls"));
        try (TcpRelay https = TcpRelay.tls(port, certificates.serverContext())) {
            String ip = uniqueIp();
            start(https.url(), ip, "ca", List.of("--ca-file", certificates.caPem().toString()));

            long node = online(ip);

            assertThat(succeeds(node, "echo over tls")).isTrue();
        }
    }

    @Test
    void aPinnedCertificateIsTrustedAndAWrongPinIsRefused() throws Exception {
        TestCertificates certificates = TestCertificates.create(dirs.resolve("tls"));
        try (TcpRelay https = TcpRelay.tls(port, certificates.serverContext())) {
            String pinned = uniqueIp();
            String wrong = uniqueIp();
            String pin = certificates.serverSha256();
            String otherPin = (pin.charAt(0) == '0' ? "1" : "0") + pin.substring(1);

            start(https.url(), pinned, "pinned", List.of("--pinned-cert-sha256", pin));
            AgentProcess refused = start(https.url(), wrong, "wrong-pin", List.of("--pinned-cert-sha256", otherPin));

            assertThat(online(pinned)).isPositive();
            Eventually.within(START, "the wrong pin refused", () -> refused.log().contains("is not the pinned one"));
            assertThat(Files.exists(refused.workDir().resolve("credential"))).isFalse();
            assertThat(admin().get("/api/v1/nodes?q=" + wrong).json().get("total").asLong()).isZero();
        }
    }

    @Test
    void aPlainHttpServerIsRefusedUnlessExplicitlyAllowed() throws Exception {
        AgentProcess agent = start("http://127.0.0.1:" + port, uniqueIp(), "http", List.of());

        assertThat(agent.waitForExit(20)).isEqualTo(2);
        assertThat(agent.log()).contains("refusing the plain http:// server URL").contains("--allow-insecure-http");
    }

    @Test
    void aCredentialFileOthersCanReadIsRefused() throws Exception {
        String ip = uniqueIp();
        AgentProcess first = start(fixtures.token(1, null), ip, "exposed");
        online(ip);
        first.credential(); // written a moment after the server shows the node: wait for it before the kill
        first.kill();
        Path credential = first.workDir().resolve("credential");
        Files.setPosixFilePermissions(credential, PosixFilePermissions.fromString("rw-r-----"));

        AgentProcess again = start(null, ip, "exposed");

        assertThat(again.waitForExit(20)).isEqualTo(2);
        assertThat(again.log()).contains("Refusing to use it").contains("chmod 600 " + credential);
    }

    @Test
    void aCommandDeclaredToRunAsAnUnprivilegedUserRunsWithThatUsersUidInADirectoryOfItsOwn() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "the agent must run as root to switch users");
        String ip = uniqueIp();
        start(fixtures.token(1, null), ip, "run-as");
        long node = online(ip);

        long asNobody = submit(node, "{\"script\":\"id -u; id -un; pwd; echo $HOME\",\"runAs\":\"nobody\",\"timeoutSeconds\":30}");
        long unknownUser = submit(node, "{\"script\":\"id -u\",\"runAs\":\"no_such_user_x\",\"timeoutSeconds\":30}");
        var optionLike = admin().post("/api/v1/nodes/" + node + "/agent/commands",
                "{\"script\":\"id\",\"runAs\":\"--reuid=0\",\"timeoutSeconds\":30}");
        var root = admin().post("/api/v1/nodes/" + node + "/agent/commands", "{\"script\":\"id\",\"runAs\":\"root\",\"timeoutSeconds\":30}");

        assertThat(finished(asNobody).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(output(asNobody).replace("stdout:", ""))
                .startsWith("65534\nnobody\n/tmp/devops-agent-command-" + asNobody + "-").endsWith("\n/nonexistent\n");
        JsonNode failed = finished(unknownUser);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("message").asString()).contains("no user 'no_such_user_x'");
        assertThat(optionLike.status()).isEqualTo(400);
        assertThat(optionLike.json().get("detail").asString()).contains("is not a user name");
        assertThat(root.status()).isEqualTo(400);
    }

    private long submit(long node, String body) {
        var created = admin().post("/api/v1/nodes/" + node + "/agent/commands", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private JsonNode finished(long command) throws InterruptedException {
        return Eventually.within(Duration.ofSeconds(20), "command " + command + " finished", () -> {
            JsonNode state = admin().get("/api/v1/agent-commands/" + command).json();
            return List.of("SUCCEEDED", "FAILED", "LOST", "TIMED_OUT", "CANCELLED").contains(state.get("status").asString())
                    ? state : null;
        });
    }

    private String output(long command) {
        StringBuilder text = new StringBuilder();
        for (JsonNode chunk : admin().get("/api/v1/agent-commands/" + command + "/output").json()) {
            text.append(chunk.get("stream").asString()).append(':').append(chunk.get("content").asString());
        }
        return text.toString();
    }

    private AgentProcess start(String token, String ip, String name) {
        AgentProcess agent = AgentProcess.start("http://127.0.0.1:" + port, token, ip, dirs.resolve(name));
        agents.add(agent);
        return agent;
    }

    private AgentProcess start(String url, String ip, String name, List<String> options) {
        AgentProcess agent = AgentProcess.start(url, fixtures.token(1, null), ip, dirs.resolve(name), options);
        agents.add(agent);
        return agent;
    }

    private long online(String ip) throws InterruptedException {
        return Eventually.within(START, "node " + ip + " enrolled and online", () -> {
            for (JsonNode item : admin().get("/api/v1/nodes?q=" + ip).json().get("items")) {
                JsonNode agent = item.get("agent");
                if (item.get("ip").asString().equals(ip) && agent != null && !agent.isNull()
                        && "ONLINE".equals(agent.get("status").asString())) {
                    return item.get("id").asLong();
                }
            }
            return null;
        });
    }

    private Long pendingIdOf(String ip) {
        for (JsonNode item : admin().get("/api/v1/agent-enrollments?status=PENDING&size=500").json().get("items")) {
            if (item.get("declaredIp").asString().equals(ip)) {
                return item.get("id").asLong();
            }
        }
        return null;
    }

    private boolean succeeds(long node, String script) throws InterruptedException {
        var created = admin().post("/api/v1/nodes/" + node + "/agent/commands",
                "{\"script\":" + AgentFixtures.quote(script) + ",\"timeoutSeconds\":30}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String status = Eventually.within(Duration.ofSeconds(20), "command " + created.id() + " finished", () -> {
            String now = admin().get("/api/v1/agent-commands/" + created.id()).json().get("status").asString();
            return List.of("SUCCEEDED", "FAILED", "LOST", "TIMED_OUT", "CANCELLED").contains(now) ? now : null;
        });
        return status.equals("SUCCEEDED");
    }
}
