package io.devops.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.notify.ServiceReceiver;
import io.devops.platform.support.AgentProcess;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The policy acts by lifecycle state, end to end: real agents on loopback poll a kernel log the test
 * writes and report Xid 79; the server decides under the test's policy for the node's pool.
 */
class HealthDecisionsEndToEndTests extends ApiTest {

    private static final Duration DRAIN_TARGET = Duration.ofSeconds(60);
    private static final String XID_79 = "Dec 07 10:00:01 gpu7 kernel: NVRM: Xid (PCI:0000:3a:00): 79, pid=4242, name=python, "
            + "GPU has fallen off the bus.";

    @TempDir
    Path dir;
    @Autowired
    JdbcClient jdbc;
    private DecisionFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new DecisionFixtures(admin(), ApiTest::unique);
    }

    /** A real agent watching its own kernel log, enrolled into the pool, once its first poll has read the log's end. */
    private record Watched(AgentProcess agent, long nodeId, Path kernelLog) implements AutoCloseable {

        void xid79() throws Exception {
            Files.writeString(kernelLog, XID_79 + "\n", StandardOpenOption.APPEND);
        }

        @Override
        public void close() throws InterruptedException {
            agent.close();
        }
    }

    @Test
    void anXid79OnAReadyNodeDrainsItToRepairWithinAMinuteUnderThePolicyVersion() throws Exception {
        long pool = fixtures.ownPool();
        HealthPolicyVersion policy = fixtures.usePolicy(pool, DecisionFixtures.WIDE, false);
        try (Watched node = watched(pool, "ready")) {
            fixtures.ready(node.nodeId());
            Instant written = Instant.now();
            node.xid79();

            Eventually.within(DRAIN_TARGET, "node drained to REPAIR", () -> "REPAIR".equals(fixtures.state(node.nodeId())) ? true : null);

            assertThat(Duration.between(written, Instant.now())).isLessThan(DRAIN_TARGET);
            JsonNode decision = fixtures.xidDecisions(node.nodeId()).get(0);
            assertThat(decision.get("outcome").asString()).isEqualTo("DRAINED");
            assertThat(decision.get("policyVersion").asInt()).isEqualTo(policy.version());
            assertThat(decision.get("policy").asString()).isEqualTo(policy.actor());
            assertThat(decision.get("nodeState").asString()).isEqualTo("READY");
            assertThat(decision.get("reason").asString()).contains("xid 79", "CRITICAL", "READY", "REPAIR");
            JsonNode last = lastTransition(node.nodeId());
            assertThat(last.get("to").asString()).isEqualTo("REPAIR");
            assertThat(last.get("actor").asString()).isEqualTo(policy.actor());
            JsonNode event = admin().get("/api/v1/health-events?size=500&nodeId=" + node.nodeId()).json().get("items");
            assertThat(xidEvent(event).get("policyVersion").asInt()).isEqualTo(policy.version());
            assertThat(xidEvent(event).get("action").asString()).isEqualTo("DRAINED");
        }
    }

    @Test
    void anXid79OnADeliveredNodeOnlyRecommendsARepairAndTellsTheTeamsWebhook() throws Exception {
        HealthFixtures tenants = new HealthFixtures(admin(), anonymous(), ApiTest::unique);
        HealthFixtures.Tenant tenant = tenants.tenant();
        fixtures.usePolicy(tenant.pool(), DecisionFixtures.WIDE, false);
        try (ServiceReceiver receiver = new ServiceReceiver(Map.of("/webhook", "health-hook-secret"), 0);
             Watched node = watched(tenant.pool(), "delivered")) {
            long channel = webhook(receiver, "HEALTH_RECOMMENDATION");
            try {
                node.xid79();

                JsonNode recommendation = Eventually.within(DRAIN_TARGET, "a recommendation", () -> first(
                        fixtures.recommendations("open=true&nodeId=" + node.nodeId()).get("items")));
                assertThat(fixtures.state(node.nodeId())).isEqualTo("DELIVERED");
                assertThat(admin().get("/api/v1/nodes/" + node.nodeId() + "/lifecycle").json()).isEmpty();
                assertThat(recommendation.get("evidence").asString()).isEqualTo(XID_79);
                assertThat(recommendation.get("actions").toString()).contains("DRAIN", "REBOOT");
                assertThat(fixtures.xidDecisions(node.nodeId()).get(0).get("outcome").asString()).isEqualTo("RECOMMENDED");
                ServiceReceiver.Received sent = Eventually.within(Duration.ofSeconds(30), "the webhook told", () -> receiver
                        .received("/webhook").stream().filter(r -> r.json().path("data").path("nodeId").asLong() == node.nodeId())
                        .findFirst().orElse(null));
                assertThat(sent.valid()).as(sent.problem()).isTrue();
                assertThat(sent.json().get("event").asString()).isEqualTo("HEALTH_RECOMMENDATION");
                assertThat(sent.json().get("title").asString()).contains("REPAIR RECOMMENDED");
                assertThat(tenants.member(tenant).get("/api/v1/repair-recommendations?nodeId=" + node.nodeId()).json().get("total")
                        .asLong()).isEqualTo(1);
                assertThat(tenants.member(tenants.tenant()).get("/api/v1/repair-recommendations?nodeId=" + node.nodeId()).json()
                        .get("total").asLong()).isZero();
            } finally {
                admin().delete("/api/v1/notification-channels/" + channel);
            }
        }
    }

    @Test
    void aNodePastThePoolsLimitGetsARecommendationOnly() throws Exception {
        long pool = fixtures.ownPool();
        // DRAIN alone: the first node stays in REPAIR (the repair module waits for a person), so it counts.
        fixtures.usePolicy(pool, new HealthLimits(1, 100, 1_000_000), false, "[\"DRAIN\"]");
        try (Watched first = watched(pool, "first"); Watched second = watched(pool, "second")) {
            fixtures.ready(first.nodeId());
            fixtures.ready(second.nodeId());
            first.xid79();
            Eventually.within(DRAIN_TARGET, "the first node drained", () -> "REPAIR".equals(fixtures.state(first.nodeId())) ? true : null);
            second.xid79();

            JsonNode decision = Eventually.within(DRAIN_TARGET, "the second node decided",
                    () -> fixtures.xidDecisions(second.nodeId())).get(0);

            assertThat(decision.get("outcome").asString()).isEqualTo("LIMITED");
            assertThat(decision.get("reason").asString()).contains("limit reached", "at most 1 at a time");
            assertThat(fixtures.state(second.nodeId())).isEqualTo("READY");
            assertThat(fixtures.recommendations("open=true&nodeId=" + second.nodeId()).get("total").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aDryRunPolicyRecordsWhatItWouldHaveDoneAndChangesNothing() throws Exception {
        long pool = fixtures.ownPool();
        fixtures.usePolicy(pool, DecisionFixtures.WIDE, true);
        try (Watched node = watched(pool, "dry")) {
            fixtures.ready(node.nodeId());
            int transitions = admin().get("/api/v1/nodes/" + node.nodeId() + "/lifecycle").json().size();
            node.xid79();

            JsonNode decision = Eventually.within(DRAIN_TARGET, "the decision", () -> fixtures.xidDecisions(node.nodeId())).get(0);

            assertThat(decision.get("outcome").asString()).isEqualTo("DRY_RUN");
            assertThat(decision.get("reason").asString()).contains("dry run", "would have", "drained to REPAIR");
            assertThat(fixtures.state(node.nodeId())).isEqualTo("READY");
            assertThat(admin().get("/api/v1/nodes/" + node.nodeId() + "/lifecycle").json().size()).isEqualTo(transitions);
            assertThat(fixtures.recommendations("nodeId=" + node.nodeId()).get("total").asLong()).isZero();
        }
    }

    @Test
    void anEventStoredBeforeARestartIsDecidedAfterItBySweep() throws Exception {
        long pool = fixtures.ownPool();
        fixtures.usePolicy(pool, DecisionFixtures.WIDE, false);
        long node = new HealthFixtures(admin(), anonymous(), ApiTest::unique).agent(pool, uniqueIp()).nodeId();
        fixtures.ready(node);
        // What a server stopped between the intake's commit and the decision leaves: the event, its decision owed.
        Instant at = Instant.now();
        jdbc.sql("INSERT INTO health_events (node_id, component, code, subject, severity, message, evidence, first_seen, last_seen, "
                        + "event_count, is_open, received_at, decision_due) VALUES (?, 'xid', '79', '0000:3a:00', 'CRITICAL', "
                        + "'Xid 79 on GPU 0000:3a:00', ?, ?, ?, 1, TRUE, ?, TRUE)")
                .params(node, XID_79, io.devops.platform.shared.DbTime.toDb(at), io.devops.platform.shared.DbTime.toDb(at),
                        io.devops.platform.shared.DbTime.toDb(at))
                .update();

        Eventually.within(DRAIN_TARGET, "the owed decision made", () -> "REPAIR".equals(fixtures.state(node)) ? true : null);

        assertThat(fixtures.xidDecisions(node)).singleElement()
                .satisfies(decision -> assertThat(decision.get("outcome").asString()).isEqualTo("DRAINED"));
    }

    private Watched watched(long pool, String name) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        Path kernelLog = Files.writeString(home.resolve("kern.log"), "Dec 07 09:59:00 gpu7 kernel: Linux version 6.8\n");
        String ip = uniqueIp();
        AgentProcess agent = AgentProcess.start("http://127.0.0.1:" + port, new HealthFixtures(admin(), anonymous(), ApiTest::unique)
                .token(pool), ip, home.resolve("agent"), List.of("--allow-insecure-http", "--health-interval", "1", "--kernel-log",
                kernelLog.toString(), "--fabricmanager-log", home.resolve("none.log").toString(), "--infiniband-root",
                home.resolve("no-ib").toString()));
        try {
            long node = Eventually.within(Duration.ofSeconds(30), "node " + ip + " enrolled", () -> nodeId(ip));
            Eventually.within(Duration.ofSeconds(20), "the agent's first health poll",
                    () -> Files.exists(agent.workDir().resolve("health-state.json")) ? true : null);
            return new Watched(agent, node, kernelLog);
        } catch (RuntimeException | Error | InterruptedException e) {
            agent.close();
            throw e;
        }
    }

    private Long nodeId(String ip) {
        for (JsonNode item : admin().get("/api/v1/nodes?q=" + ip).json().get("items")) {
            if (item.get("ip").asString().equals(ip)) {
                return item.get("id").asLong();
            }
        }
        return null;
    }

    private long webhook(ServiceReceiver receiver, String event) {
        var channel = admin().post("/api/v1/notification-channels", "{\"name\":\"" + unique("hook") + "\",\"type\":\"webhook\","
                + "\"language\":\"en\",\"url\":\"" + receiver.url("/webhook") + "\",\"secret\":\"health-hook-secret\"}");
        assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
        var rule = admin().post("/api/v1/notification-rules", "{\"channelId\":" + channel.id() + ",\"jobId\":null,\"events\":[\""
                + event + "\"]}");
        assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
        return channel.id();
    }

    private JsonNode lastTransition(long nodeId) {
        JsonNode history = admin().get("/api/v1/nodes/" + nodeId + "/lifecycle").json();
        return history.get(history.size() - 1);
    }

    private static JsonNode xidEvent(JsonNode items) {
        for (JsonNode item : items) {
            if (item.get("component").asString().equals("xid")) {
                return item;
            }
        }
        throw new AssertionError("no xid event in " + items);
    }

    private static JsonNode first(JsonNode items) {
        return items.isEmpty() ? null : items.get(0);
    }
}
