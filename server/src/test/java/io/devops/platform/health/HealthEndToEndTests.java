package io.devops.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.AgentProcess;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A real agent on loopback, polling every second, whose kernel log the test writes. */
class HealthEndToEndTests extends ApiTest {

    private static final String XID_79 = "Dec 07 10:00:01 gpu7 kernel: NVRM: Xid (PCI:0000:3a:00): 79, pid=4242, name=python, "
            + "GPU has fallen off the bus.";

    @TempDir
    Path dir;

    @Test
    void anXid79WrittenToTheKernelLogReachesTheApiAsACriticalEventWithItsLine() throws Exception {
        HealthFixtures fixtures = new HealthFixtures(admin(), anonymous(), ApiTest::unique);
        HealthFixtures.Tenant tenant = fixtures.tenant();
        Path kernelLog = Files.writeString(dir.resolve("kern.log"), "Dec 07 09:59:00 gpu7 kernel: Linux version 6.8\n");
        String ip = uniqueIp();
        try (AgentProcess agent = AgentProcess.start("http://127.0.0.1:" + port, fixtures.token(tenant.pool()), ip,
                dir.resolve("agent"), List.of("--allow-insecure-http", "--health-interval", "1", "--kernel-log", kernelLog.toString(),
                        "--fabricmanager-log", dir.resolve("none.log").toString(), "--infiniband-root", dir.resolve("no-ib").toString()))) {
            long node = nodeOf(ip, agent);
            // The state file is written by the first poll: the log's end is known, so the line is news, not history.
            Eventually.within(Duration.ofSeconds(20), "the agent's first health poll",
                    () -> Files.exists(agent.workDir().resolve("health-state.json")));
            Files.writeString(kernelLog, XID_79 + "\n", StandardOpenOption.APPEND);

            JsonNode row = Eventually.within(Duration.ofSeconds(15), "the Xid 79 event listed", () -> xidEvent(admin(), node));

            assertThat(row.get("component").asString()).isEqualTo("xid");
            assertThat(row.get("code").asString()).isEqualTo("79");
            assertThat(row.get("severity").asString()).isEqualTo("CRITICAL");
            assertThat(row.get("evidence").asString()).isEqualTo(XID_79);
            assertThat(row.get("open").asBoolean()).isTrue();
            assertThat(fixtures.member(fixtures.tenant()).get("/api/v1/health-events?nodeId=" + node).json().get("total").asLong())
                    .isZero();
            assertThat(xidEvent(fixtures.member(tenant), node).get("id").asLong()).isEqualTo(row.get("id").asLong());
        }
    }

    /** The node's one Xid event, or null while there is none; the node's other monitors may report what this machine has. */
    private static JsonNode xidEvent(io.devops.platform.support.Api user, long node) {
        List<JsonNode> xids = new java.util.ArrayList<>();
        user.get("/api/v1/health-events?size=500&nodeId=" + node).json().get("items").forEach(item -> {
            if (item.get("component").asString().equals("xid")) {
                xids.add(item);
            }
        });
        assertThat(xids).hasSizeLessThanOrEqualTo(1);
        return xids.isEmpty() ? null : xids.get(0);
    }

    private long nodeOf(String ip, AgentProcess agent) throws InterruptedException {
        return Eventually.within(Duration.ofSeconds(30), "node " + ip + " enrolled; agent log:\n" + agent.log(), () -> {
            JsonNode items = admin().get("/api/v1/nodes?q=" + ip).json().get("items");
            for (JsonNode item : items) {
                if (item.get("ip").asString().equals(ip)) {
                    return item.get("id").asLong();
                }
            }
            return null;
        });
    }
}
