package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import io.devops.platform.support.TestNodes;
import io.devops.platform.support.TestNodes.OtherNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * SSH host keys over real SSH: recorded on a node's first contact, checked on every later one, and
 * accepted anew only by an ADMIN. The changing node is a node of its own (another loopback
 * address, its own sshd and host key): the shared test nodes keep theirs for every other test.
 */
class HostKeyRunTests extends ApiTest {

    @TempDir
    Path markers;

    private TestNodes testNodes;
    private RunFixtures fixtures;
    /** One shared test node, run beside the changing one: it shows that the others still run. */
    private long shared;

    @BeforeEach
    void nodes() {
        assumeTrue(TestNodes.available(), "needs root, openssh-server and ansible-core: run scripts/test.sh");
        testNodes = TestNodes.shared();
        fixtures = new RunFixtures(admin(), testNodes);
        shared = fixtures.testNodeIds().get(0);
    }

    @Test
    void theFirstContactRecordsTheKeyTheNodeOfferedAndTheNodeShowsIt() throws Exception {
        try (OtherNode other = testNodes.otherNode(otherIp())) {
            long node = fixtures.node(other.ip(), other.port(), hostname("first-contact"));
            assertThat(admin().get("/api/v1/nodes/" + node).json().has("hostKey")).isFalse();

            long runId = runMarking(nodes(node));
            JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(2));

            String log = admin().get("/api/v1/runs/" + runId + "/log").body();
            assertThat(run.get("status").asString()).as(log).isEqualTo("SUCCEEDED");
            JsonNode key = admin().get("/api/v1/nodes/" + node).json().get("hostKey");
            assertThat(key.get("type").asString()).isEqualTo("ssh-ed25519");
            assertThat(key.get("fingerprint").asString()).isEqualTo(other.hostKeyFingerprint());
            assertThat(key.get("recordedAt").asString()).isNotBlank();
            assertThat(fingerprint(shared)).isEqualTo(testNodes.hostKeyFingerprint());
            assertThat(log).contains(other.ip() + ": first contact, recorded its SSH host key ssh-ed25519 "
                    + other.hostKeyFingerprint());
            JsonNode audit = admin().get("/api/v1/audit-events?entityType=node&entityId=" + node).json().get("items");
            assertThat(audit.valueStream().filter(event -> event.get("action").asString().equals("node.host-key-recorded")))
                    .singleElement().satisfies(event -> {
                        assertThat(event.get("actor").asString()).isEqualTo("system");
                        assertThat(event.get("summary").asString()).contains(other.hostKeyFingerprint());
                    });
        }
    }

    @Test
    void aNodeShowingAnotherKeyFailsAloneWithoutRunningTheStepUntilAnAdminAcceptsTheNewKey() throws Exception {
        try (OtherNode other = testNodes.otherNode(otherIp())) {
            long node = fixtures.node(other.ip(), other.port(), hostname("changing"));
            assertThat(fixtures.awaitEnd(runMarking(nodes(node)), Duration.ofMinutes(2)).get("status").asString())
                    .isEqualTo("SUCCEEDED");
            String recorded = other.hostKeyFingerprint();
            clearMarkers();

            other.replaceHostKey();
            long runId = runMarking(nodes(node));
            JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(2));

            String log = admin().get("/api/v1/runs/" + runId + "/log").body();
            assertThat(run.get("status").asString()).as(log).isEqualTo("FAILED");
            JsonNode hosts = run.get("items").get(0).get("steps").get(0).get("hosts");
            for (JsonNode host : hosts) {
                if (host.get("ip").asString().equals(other.ip())) {
                    assertThat(host.get("status").asString()).isEqualTo("UNREACHABLE");
                    assertThat(host.get("message").asString()).startsWith("SSH host key changed")
                            .contains("offered ED25519 key " + other.hostKeyFingerprint())
                            .contains("recorded key ssh-ed25519 " + recorded)
                            .contains("POST /api/v1/nodes/" + node + "/host-key/forget");
                } else {
                    assertThat(host.get("status").asString()).as(host.toString()).isEqualTo("SUCCEEDED");
                }
            }
            assertThat(markers.resolve(other.ip())).as("the step ran on the node with the changed key").doesNotExist();
            assertThat(markers.resolve(testNodes.ip(0))).exists();
            assertThat(log).contains(other.ip() + ": SSH host key changed");
            assertThat(fingerprint(node)).isEqualTo(recorded);

            Api.Response byOperator = operator().post("/api/v1/nodes/" + node + "/host-key/forget", "{}");
            assertThat(byOperator.status()).isEqualTo(403);
            assertThat(byOperator.json().get("detail").asString()).contains("Only an ADMIN");
            assertThat(fingerprint(node)).isEqualTo(recorded);

            Api.Response forgotten = admin().post("/api/v1/nodes/" + node + "/host-key/forget", "{}");
            assertThat(forgotten.status()).as(forgotten.toString()).isEqualTo(200);
            assertThat(forgotten.json().has("hostKey")).isFalse();
            JsonNode audit = admin().get("/api/v1/audit-events?entityType=node&entityId=" + node).json().get("items");
            assertThat(audit.valueStream().filter(event -> event.get("action").asString().equals("node.host-key-forgotten")))
                    .singleElement().satisfies(event -> {
                        assertThat(event.get("actor").asString()).isEqualTo("admin");
                        assertThat(event.get("summary").asString()).contains(recorded);
                    });

            long accepted = runMarking(nodes(node));
            assertThat(fixtures.awaitEnd(accepted, Duration.ofMinutes(2)).get("status").asString())
                    .as(admin().get("/api/v1/runs/" + accepted + "/log").body()).isEqualTo("SUCCEEDED");
            assertThat(fingerprint(node)).isEqualTo(other.hostKeyFingerprint()).isNotEqualTo(recorded);
        }
    }

    @Test
    void forgettingWhenNoKeyIsRecordedIsAConflictAndAnUnknownNodeIsNotFound() {
        long node = fixtures.node(uniqueIp(), 22, hostname("never-contacted"));

        Api.Response none = admin().post("/api/v1/nodes/" + node + "/host-key/forget", "{}");
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("detail").asString()).contains("has no recorded SSH host key");
        assertThat(admin().post("/api/v1/nodes/999999999/host-key/forget", "{}").status()).isEqualTo(404);
    }

    /** Starts a run whose one step touches {@code markers}/{node IP} on each node it runs on. */
    private long runMarking(List<Long> nodeIds) {
        String name = unique("hostkeys");
        long shell = fixtures.shell(name, "touch " + markers + "/$NODE_IP", null, "ansible");
        long template = fixtures.template(name, steps -> RunFixtures.scriptStep(steps, shell));
        return fixtures.start(fixtures.job(name, "CONTINUE", template, nodeIds));
    }

    private List<Long> nodes(long other) {
        return List.of(shared, other);
    }

    private void clearMarkers() throws Exception {
        try (var files = Files.list(markers)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    private static String hostname(String prefix) {
        return unique(prefix).replace('_', '-').toLowerCase();
    }

    private String fingerprint(long node) {
        return admin().get("/api/v1/nodes/" + node).json().get("hostKey").get("fingerprint").asString();
    }

    private Api operator() {
        String name = unique("operator").toLowerCase();
        String password = "pw-" + unique("secret") + "-Long";
        Api.Response created = admin().post("/api/v1/users", """
                {"username":"%s","displayName":"Test","password":"%s","role":"OPERATOR"}""".formatted(name, password));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return anonymous().basic(name, password);
    }

    /** 127.0.3.x: outside the shared nodes (127.0.1.x), the script tests' (127.0.2.x, 127.0.4.x) and uniqueIp's. */
    private static String otherIp() {
        return "127.0.3." + ThreadLocalRandom.current().nextInt(1, 255);
    }
}
