package io.devops.platform.repair;

import static io.devops.platform.health.RepairAction.DRAIN;
import static io.devops.platform.health.RepairAction.REBOOT;
import static io.devops.platform.health.RepairAction.RMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devops.platform.health.HealthFixtures;
import io.devops.platform.support.AcceptanceTestNodes;
import io.devops.platform.support.AgentProcess;
import io.devops.platform.support.Api;
import io.devops.platform.support.Eventually;
import io.devops.platform.support.RunFixtures;
import io.devops.platform.support.TestNodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Repairs on real agents on loopback with the fake GPU tools: a reboot the agent "does" with
 * fake-reboot (a new boot id), the re-acceptance through real ansible-playbook over SSH on a
 * healthy acceptance test node, and a GPU reset the fake nvidia-smi refuses to reach.
 */
class RepairEndToEndTests extends RepairTest {

    private static final Path FAKE_BIN = Path.of("src", "test", "resources", "fake-bin").toAbsolutePath();
    /** The boot id file the tests' settings name (devops.repair.boot-id-file). */
    private static final Path BOOT_ID = Path.of("target", "fake-node", "boot_id").toAbsolutePath();
    private static final String XID_79 = "Dec 07 10:00:01 gpu7 kernel: NVRM: Xid (PCI:0000:3a:00): 79, pid=4242, name=python, "
            + "GPU has fallen off the bus.";
    private static final Set<String> DRAINABLE = Set.of("READY", "TESTING", "FAILED_TESTING", "MAINTENANCE");

    @TempDir
    Path dir;

    @Test
    void aGpuResetIsRefusedWhileAProcessUsesTheGpuAndNothingIsReset() throws Exception {
        HealthFixtures.Tenant tenant = fixtures.health.tenant();
        String ip = uniqueIp();
        Path gpuState = fakeGpuState();
        Files.writeString(gpuState.resolve("compute-apps"), "4242\n");
        try (AgentProcess agent = agent(fixtures.health.token(tenant.pool()), ip)) {
            long node = nodeOf(ip, agent);
            fixtures.maintenance(node);

            Api.Response asked = admin().post("/api/v1/nodes/" + node + "/repair",
                    "{\"action\":\"GPU_RESET\",\"gpu\":\"00000000:3A:00.0\",\"reason\":\"row remap pending\"}");

            assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
            assertThat(asked.json().get("state").asString()).isEqualTo("REPAIR");
            JsonNode reset = Eventually.within(Duration.ofSeconds(60), "the reset's result; agent log:\n" + agent.log(),
                    () -> ended(node, 0));
            assertThat(reset.get("action").asString()).isEqualTo("GPU_RESET");
            assertThat(reset.get("result").asString()).isEqualTo("FAILED");
            assertThat(reset.get("detail").asString()).contains("refused: processes use the GPU (pids 4242");
            assertThat(calls(gpuState)).doesNotContain("--gpu-reset");
            assertThat(state(node)).isEqualTo("REPAIR");
            assertThat(fixtures.rma(node).get("repairs").get(1).get("status").asString()).as("an operator decides next")
                    .isEqualTo("WAITING");
        } finally {
            Files.deleteIfExists(gpuState.resolve("compute-apps"));
        }
    }

    @Test
    void anXid79IsRepairedByARebootReacceptedToReadyAndTheThirdTimeIsRmaWithItsRecord() throws Exception {
        assumeTrue(TestNodes.available(), "needs root, openssh-server and ansible-core: run scripts/test.sh");
        AcceptanceTestNodes testNodes = AcceptanceTestNodes.shared(AcceptanceTestNodes.FLEET);
        String ip = testNodes.ip(0); // a healthy 8 x H100
        long node = new RunFixtures(admin(), TestNodes.shared()).node(ip, testNodes.port(), "gpu-1");
        declareGpus(node, ip, testNodes.port());
        Files.createDirectories(BOOT_ID.getParent());
        Files.writeString(BOOT_ID, UUID.randomUUID() + "\n");
        Files.deleteIfExists(Path.of(BOOT_ID + ".calls"));
        Path kernelLog = Files.writeString(dir.resolve("kern.log"), "Dec 07 09:59:00 gpu7 kernel: Linux version 6.8\n");
        long pool = admin().get("/api/v1/nodes/" + node).json().get("nodePoolId").asLong();
        try (AgentProcess agent = agent(fixtures.health.token(pool), ip, "--kernel-log", kernelLog.toString())) {
            approveEnrolment(ip, agent);
            Eventually.within(Duration.ofSeconds(30), "the agent's first health poll",
                    () -> Files.exists(agent.workDir().resolve("health-state.json")) ? true : null);
            Files.writeString(kernelLog, XID_79 + "\n", StandardOpenOption.APPEND);
            long event = Eventually.within(Duration.ofSeconds(20), "the Xid 79 event", () -> xidEvent(node));
            takeOutOfService(node);

            for (int incident = 1; incident <= 2; incident++) {
                int n = incident;
                drainAndRequest(node, event);
                Eventually.within(Duration.ofMinutes(4), "node READY after repair " + n, () -> readyAfter(node, n));
                JsonNode repair = last(fixtures.rma(node).get("repairs"));
                assertThat(repair.get("action").asString()).isEqualTo("REBOOT");
                assertThat(repair.get("result").asString()).isEqualTo("SUCCEEDED");
                assertThat(repair.get("detail").asString()).contains("rebooted: boot id", "node READY");
                assertThat(admin().get("/api/v1/runs/" + repair.get("runId").asLong()).json().get("status").asString())
                        .isEqualTo("SUCCEEDED");
                assertThat(Files.readAllLines(Path.of(BOOT_ID + ".calls"))).hasSize(incident);
            }
            drainAndRequest(node, event);
            Eventually.within(Duration.ofSeconds(30), "node in RMA", () -> "RMA".equals(state(node)) ? true : null);

            JsonNode record = fixtures.rma(node);
            List<String> actions = new ArrayList<>();
            record.get("repairs").forEach(r -> actions.add(r.get("action").asString() + " " + r.get("result").asString()));
            assertThat(actions).containsExactly("REBOOT SUCCEEDED", "REBOOT SUCCEEDED", "RMA SUCCEEDED");
            assertThat(Files.readAllLines(Path.of(BOOT_ID + ".calls"))).as("the third time is not rebooted").hasSize(2);
            assertThat(record.get("evidence").toString()).contains("GPU has fallen off the bus.");
            assertThat(record.get("gpus").size()).isEqualTo(8);
            assertThat(last(record.get("lifecycle")).get("actor").asString()).isEqualTo(RepairFixtures.POLICY);
            String markdown = admin().header("Accept", "text/markdown").get("/api/v1/nodes/" + node + "/rma").body();
            assertThat(markdown).contains("# RMA record: node " + ip, "| REBOOT | " + RepairFixtures.POLICY + " |",
                    "| RMA | " + RepairFixtures.POLICY + " |", "| REPAIR | RMA | " + RepairFixtures.POLICY + " |");
        } finally {
            // A replaced part starts over: leave the shared test node usable for the other tests.
            admin().post("/api/v1/nodes/" + node + "/lifecycle", "{\"to\":\"NEW\",\"reason\":\"repair test done\"}");
        }
    }

    private void drainAndRequest(long node, long event) {
        assertThat(states.enterRepair(node, RepairFixtures.POLICY, "Xid 79")).isPresent();
        events.publishEvent(RepairFixtures.xid79(node, event, List.of(DRAIN, REBOOT, RMA), 2));
    }

    /** True once the node is READY and its newest repair, the {@code n}-th, has concluded. */
    private Boolean readyAfter(long node, int n) {
        JsonNode repairs = fixtures.rma(node).get("repairs");
        boolean concluded = repairs.size() == n && "ENDED".equals(last(repairs).get("status").asString());
        if (concluded && !"READY".equals(state(node))) {
            throw new AssertionError("repair " + n + " concluded but the node is " + state(node) + ": " + repairs);
        }
        return concluded ? true : null;
    }

    private void takeOutOfService(long node) {
        String state = state(node);
        if ("RMA".equals(state)) {
            admin().post("/api/v1/nodes/" + node + "/lifecycle", "{\"to\":\"NEW\",\"reason\":\"an earlier test\"}");
        }
        if (!DRAINABLE.contains(state)) {
            fixtures.maintenance(node);
        }
    }

    private JsonNode ended(long node, int index) {
        JsonNode repairs = fixtures.rma(node).get("repairs");
        return repairs.size() > index && repairs.get(index).get("result") != null && !repairs.get(index).get("result").isNull()
                ? repairs.get(index) : null;
    }

    /** An agent that declares a known node's address waits for an admin's approval. */
    private void approveEnrolment(String ip, AgentProcess agent) throws InterruptedException {
        long pending = Eventually.within(Duration.ofSeconds(30), "the agent's pending enrolment; log:\n" + agent.log(), () -> {
            for (JsonNode item : admin().get("/api/v1/agent-enrollments?size=500").json().get("items")) {
                if (item.get("declaredIp").asString().equals(ip)) {
                    return item.get("id").asLong();
                }
            }
            return null;
        });
        Api.Response approved = admin().post("/api/v1/agent-enrollments/" + pending + "/approve", "{\"comment\":\"repair test\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    }

    private Long xidEvent(long node) {
        for (JsonNode item : admin().get("/api/v1/health-events?size=500&nodeId=" + node).json().get("items")) {
            if (item.get("component").asString().equals("xid") && item.get("code").asString().equals("79")) {
                return item.get("id").asLong();
            }
        }
        return null;
    }

    private AgentProcess agent(String token, String ip, String... more) {
        List<String> options = new ArrayList<>(List.of("--allow-insecure-http", "--health-interval", "1",
                "--fabricmanager-log", dir.resolve("none.log").toString(), "--infiniband-root", dir.resolve("no-ib").toString()));
        options.addAll(List.of(more));
        if (more.length == 0) {
            options.addAll(List.of("--kernel-log", dir.resolve("no-kern.log").toString()));
        }
        return AgentProcess.start("http://127.0.0.1:" + port, token, ip, dir.resolve("agent-" + ip), options);
    }

    private long nodeOf(String ip, AgentProcess agent) throws InterruptedException {
        return Eventually.within(Duration.ofSeconds(30), "node " + ip + " enrolled; agent log:\n" + agent.log(), () -> {
            for (JsonNode item : admin().get("/api/v1/nodes?q=" + ip).json().get("items")) {
                if (item.get("ip").asString().equals(ip)) {
                    return item.get("id").asLong();
                }
            }
            return null;
        });
    }

    private void declareGpus(long id, String ip, int port) {
        JsonNode node = admin().get("/api/v1/nodes/" + id).json();
        Api.Response updated = admin().put("/api/v1/nodes/" + id, RunFixtures.object().put("ip", ip).put("hostname", "gpu-1")
                .put("sshPort", port).put("sshUser", "root").put("nodePoolId", node.get("nodePoolId").asLong())
                .put("gpuType", "NVIDIA H100 80GB HBM3").put("gpuCount", 8).toString());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    }

    /** The fake GPU state of commands run outside SSH (the agents'), made with its defaults when missing. */
    private static Path fakeGpuState() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(FAKE_BIN.resolve("fake-gpu-state").toString());
        builder.environment().remove("SSH_CONNECTION");
        builder.environment().remove("FAKE_GPU_STATE");
        Process process = builder.start();
        String path = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).isZero();
        return Path.of(path);
    }

    private static String calls(Path gpuState) throws IOException {
        Path calls = gpuState.resolve("calls");
        return Files.exists(calls) ? Files.readString(calls) : "";
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
