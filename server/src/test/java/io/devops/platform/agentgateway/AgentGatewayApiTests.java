package io.devops.platform.agentgateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.shared.DbTime;
import io.devops.platform.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The agent protocol spoken directly over HTTP: enrolment, credentials, delivery, output, results. */
@ExtendWith(OutputCaptureExtension.class)
class AgentGatewayApiTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AgentDispatch dispatch;

    AgentFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AgentFixtures(admin(), anonymous());
    }

    @Test
    void enrolmentCreatesTheNodeInTheTokensPoolWithItsFacts() {
        long tenant = admin().post("/api/v1/tenants", "{\"name\":\"" + unique("tenant") + "\"}").id();
        long pool = admin().post("/api/v1/node-pools", "{\"name\":\"" + unique("agents") + "\",\"tenantId\":" + tenant + "}").id();
        String ip = uniqueIp();
        var enrolled = fixtures.enrol(fixtures.token(1, pool), ip,
                "{\"hostname\":\"gpu-a\",\"gpu\":{\"model\":\"NVIDIA H100 80GB HBM3\",\"count\":8}}");

        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        assertThat(enrolled.json().get("credential").asString()).startsWith("dva_");
        var node = admin().get("/api/v1/nodes/" + enrolled.json().get("nodeId").asLong()).json();
        assertThat(node.get("nodePoolId").asLong()).isEqualTo(pool);
        assertThat(node.get("registeredAt").isNull()).isFalse();
        assertThat(node.get("gpuType").asString()).isEqualTo("NVIDIA H100 80GB HBM3");
        assertThat(node.get("agent").get("status").asString()).isEqualTo("ONLINE");
    }

    @Test
    void enrolmentWithFactsThatBreakTheInventorysRulesIsRefusedNamingEachAndTakesNoUseOfTheToken(CapturedOutput output) {
        String token = fixtures.token(1, null);
        String ip = uniqueIp();

        var refused = anonymous().post("/api/v1/agent/enroll", """
                {"enrollmentToken":"%s","ip":"%s","hostname":"gpu_a;reboot","agentVersion":"1.0\\u001b[2J","facts":{
                 "hostname":"gpu a","gpu":{"model":"H100\\u001b]0;pwned\\u0007","count":1000,"devices":[{"name":"A100","memoryMiB":-1}]},
                 "cpu":{"logicalCores":"many"},"os":{"prettyName":"Ubuntu\\n2026-01-01 ERROR forged line"}}}""".formatted(token, ip));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(fields(refused)).containsExactlyInAnyOrder("hostname", "agentVersion", "facts.hostname",
                "facts.gpu.model", "facts.gpu.count", "facts.gpu.devices[0].memoryMiB", "facts.cpu.logicalCores",
                "facts.os.prettyName");
        assertThat(refused.json().get("detail").asString()).contains("facts.gpu.count: must be between 0 and 64");
        assertThat(admin().get("/api/v1/nodes?q=" + ip).json().get("total").asLong()).isZero();
        var audited = admin().get("/api/v1/audit-events?action=agent.facts-refused&entityType=agent-enrollment-token"
                + "&entityId=" + tokenId(token)).json().get("items");
        assertThat(audited.size()).isEqualTo(1);
        assertThat(audited.get(0).get("summary").asString()).contains("the node at " + ip + " ", "facts.gpu.model");
        assertThat(output.getAll()).contains("Refused the facts reported by the node at " + ip + " ")
                .doesNotContain("]0;pwned", "ERROR forged line");
        assertThat(fixtures.enrol(token, ip, "{\"hostname\":\"gpu-a\"}").status()).as("the token is still unused")
                .isEqualTo(201);
    }

    @Test
    void reportedFactsThatBreakTheRulesAreRefusedReportedAndTheStoredOnesKept(CapturedOutput output) {
        String ip = uniqueIp();
        var agent = fixtures.agent(ip);

        var refused = agent.api().put("/api/v1/agent/facts", """
                {"facts":{"hostname":"gpu-b","gpu":{"model":"NVIDIA H100","count":65},"memory":{"totalBytes":1.5},
                 "nics":[{"name\\u001b]0;pwned\\u0007":"eth0","driver":"mlx5\\r\\n2026-01-01 ERROR forged line"}]}}""");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(fields(refused)).containsExactlyInAnyOrder("facts.gpu.count", "facts.memory.totalBytes",
                "facts.nics[0].name?]0;pwned?", "facts.nics[0].driver");
        var node = admin().get("/api/v1/nodes/" + agent.nodeId()).json();
        assertThat(node.get("hostname").asString()).isEqualTo("gpu-" + ip);
        assertThat(node.hasNonNull("gpuType")).isFalse();
        assertThat(node.get("facts").get("gpu")).isNull();
        var audited = admin().get("/api/v1/audit-events?action=agent.facts-refused&entityType=node&entityId="
                + agent.nodeId()).json().get("items");
        assertThat(audited.size()).isEqualTo(1);
        assertThat(audited.get(0).get("summary").asString()).contains("node " + agent.nodeId(), "facts.gpu.count");
        assertThat(output.getAll()).contains("Refused the facts reported by node " + agent.nodeId() + " (" + ip + ")",
                "facts.nics[0].name?]0;pwned?").doesNotContain("\u001b]0;pwned", "ERROR forged line");
    }

    @Test
    void onlyAdminsCreateEnrolmentTokensAndTheTokenIsShownOnce() {
        String operator = unique("op");
        admin().post("/api/v1/users", "{\"username\":\"" + operator + "\",\"password\":\"operator-password-1\",\"role\":\"OPERATOR\"}");
        var refused = anonymous().basic(operator, "operator-password-1").post("/api/v1/agent-enrollment-tokens", "{}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);

        var created = admin().post("/api/v1/agent-enrollment-tokens", "{}");
        var listed = admin().get("/api/v1/agent-enrollment-tokens/" + created.id());
        assertThat(created.json().get("token").asString()).startsWith("dve_");
        assertThat(listed.body()).doesNotContain(created.json().get("token").asString()).contains("\"maxUses\":1");
    }

    @Test
    void anExhaustedExpiredRevokedOrUnknownTokenIsRefusedAndNothingChanges() {
        String used = fixtures.token(1, null);
        assertThat(fixtures.enrol(used, uniqueIp(), "{}").status()).isEqualTo(201);
        String expired = fixtures.token(5, null);
        jdbc.sql("UPDATE agent_enrollment_tokens SET expires_at = ? WHERE token_prefix = ?")
                .params(DbTime.toDb(Instant.now().minusSeconds(60)), Secrets.displayPrefix(expired)).update();
        String revoked = fixtures.token(5, null);
        long revokedId = jdbc.sql("SELECT id FROM agent_enrollment_tokens WHERE token_prefix = ?")
                .param(Secrets.displayPrefix(revoked)).query(Long.class).single();
        assertThat(admin().delete("/api/v1/agent-enrollment-tokens/" + revokedId).status()).isEqualTo(204);

        for (String token : new String[] {used, expired, revoked, "dve_forged"}) {
            String ip = uniqueIp();
            var refused = fixtures.enrol(token, ip, "{}");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.isProblem()).isTrue();
            assertThat(admin().get("/api/v1/nodes?q=" + ip).json().get("total").asLong()).isZero();
        }
    }

    @Test
    void aForgedCredentialOrAUserTokenCannotSpeakTheAgentProtocol() {
        assertThat(anonymous().bearer("dva_forged").post("/api/v1/agent/heartbeat", "{}").status()).isEqualTo(401);
        assertThat(admin().post("/api/v1/agent/heartbeat", "{}").status()).isEqualTo(401);
        assertThat(anonymous().post("/api/v1/agent/heartbeat", "{}").status()).isEqualTo(401);
    }

    @Test
    void aHeldPollIsAnsweredAsSoonAsACommandIsQueued() throws Exception {
        var agent = fixtures.agent(uniqueIp());
        long started = System.nanoTime();
        CompletableFuture<io.devops.platform.support.Api.Response> poll = CompletableFuture.supplyAsync(() -> agent.poll("", 20));
        waitUntilWaiting(agent, poll);
        long command = fixtures.runOn(agent.nodeId(), "echo hello", 30);

        var answer = poll.get(10, TimeUnit.SECONDS).json();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(10);
        var delivered = answer.get("commands").get(0);
        assertThat(delivered.get("id").asLong()).isEqualTo(command);
        assertThat(new String(Base64.getDecoder().decode(delivered.get("scriptBase64").asString()))).isEqualTo("echo hello");
        assertThat(admin().get("/api/v1/agent-commands/" + command).json().get("status").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void outputChunksAreStoredOnceAndTheResultEndsTheCommand() {
        var agent = fixtures.agent(uniqueIp());
        long command = fixtures.runOn(agent.nodeId(), "echo hi", 30);
        assertThat(agent.poll("", 0).json().get("commands").size()).isEqualTo(1);
        String chunks = "{\"chunks\":[{\"seq\":0,\"stream\":\"stdout\",\"content\":\"hi\\n\"},{\"seq\":1,\"stream\":\"stderr\",\"content\":\"warn\\n\"}]}";

        assertThat(agent.api().post("/api/v1/agent/commands/" + command + "/output", chunks).json().get("stored").asInt()).isEqualTo(2);
        assertThat(agent.api().post("/api/v1/agent/commands/" + command + "/output", chunks).json().get("stored").asInt()).isZero();
        var result = agent.api().post("/api/v1/agent/commands/" + command + "/result",
                "{\"outcome\":\"EXITED\",\"exitCode\":0,\"durationMs\":12,\"chunks\":2}");

        assertThat(result.json().get("status").asString()).isEqualTo("SUCCEEDED");
        var output = admin().get("/api/v1/agent-commands/" + command + "/output").json();
        assertThat(output.size()).isEqualTo(2);
        assertThat(output.get(0).get("content").asString()).isEqualTo("hi\n");
        var state = admin().get("/api/v1/agent-commands/" + command).json();
        assertThat(state.get("exitCode").asInt()).isZero();
        assertThat(state.get("durationMs").asLong()).isEqualTo(12);
    }

    @Test
    void aPollCarriesTheOutputAndResultOfACommandThatEndedQuickly() {
        var agent = fixtures.agent(uniqueIp());
        long command = fixtures.runOn(agent.nodeId(), "hostname", 30);
        assertThat(agent.poll("", 0).json().get("commands").size()).isEqualTo(1);

        var next = agent.api().post("/api/v1/agent/commands/poll", "{\"held\":[],\"waitSeconds\":0,\"finished\":[{\"id\":"
                + command + ",\"chunks\":[{\"seq\":0,\"stream\":\"stdout\",\"content\":\"gpu-7\\n\"}],"
                + "\"result\":{\"outcome\":\"EXITED\",\"exitCode\":0,\"durationMs\":3,\"chunks\":1}}]}");

        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        var state = admin().get("/api/v1/agent-commands/" + command).json();
        assertThat(state.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(state.get("durationMs").asLong()).isEqualTo(3);
        assertThat(admin().get("/api/v1/agent-commands/" + command + "/output").json().get(0).get("content").asString())
                .isEqualTo("gpu-7\n");
    }

    @Test
    void aPollCarryingAnotherNodesCommandIsRefusedWholeAndChangesNothing() {
        var owner = fixtures.agent(uniqueIp());
        var other = fixtures.agent(uniqueIp());
        long own = fixtures.runOn(other.nodeId(), "true", 30);
        long foreign = fixtures.runOn(owner.nodeId(), "true", 30);
        assertThat(other.poll("", 0).json().get("commands").size()).isEqualTo(1);
        String result = "\"result\":{\"outcome\":\"EXITED\",\"exitCode\":0}";

        var refused = other.api().post("/api/v1/agent/commands/poll", "{\"held\":[],\"waitSeconds\":0,\"finished\":["
                + "{\"id\":" + own + "," + result + "},{\"id\":" + foreign + "," + result + "}]}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(admin().get("/api/v1/agent-commands/" + own).json().get("status").asString()).isEqualTo("DELIVERED");
        assertThat(admin().get("/api/v1/agent-commands/" + foreign).json().get("status").asString()).isEqualTo("QUEUED");
    }

    @Test
    void oneNodeCannotReadAnswerOrFetchTheScriptOfAnotherNodesCommand() {
        var owner = fixtures.agent(uniqueIp());
        var other = fixtures.agent(uniqueIp());
        long command = fixtures.runOn(owner.nodeId(), "echo secret-" + unique("s"), 30);
        String sha = admin().get("/api/v1/agent-commands/" + command).json().get("scriptSha256").asString();

        assertThat(other.poll("", 0).json().get("commands").size()).isZero();
        assertThat(other.api().post("/api/v1/agent/commands/" + command + "/output",
                "{\"chunks\":[{\"seq\":0,\"stream\":\"stdout\",\"content\":\"forged\"}]}").status()).isEqualTo(403);
        assertThat(other.api().post("/api/v1/agent/commands/" + command + "/result",
                "{\"outcome\":\"EXITED\",\"exitCode\":0}").status()).isEqualTo(403);
        assertThat(other.api().get("/api/v1/agent/scripts/" + sha).status()).isEqualTo(403);

        assertThat(admin().get("/api/v1/agent-commands/" + command).json().get("status").asString()).isEqualTo("QUEUED");
        assertThat(admin().get("/api/v1/agent-commands/" + command + "/output").json().size()).isZero();
        assertThat(owner.api().get("/api/v1/agent/scripts/" + sha).status()).isEqualTo(200);
    }

    @Test
    void aRevokedCredentialIsRefusedAtOnceAndItsCommandsEndLost() {
        var agent = fixtures.agent(uniqueIp());
        long command = fixtures.runOn(agent.nodeId(), "sleep 100", 300);
        agent.poll("", 0);

        var revoked = admin().post("/api/v1/nodes/" + agent.nodeId() + "/agent/revoke", "{}");

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(agent.api().post("/api/v1/agent/heartbeat", "{}").status()).isEqualTo(401);
        assertThat(agent.poll(Long.toString(command), 0).status()).isEqualTo(401);
        var state = admin().get("/api/v1/agent-commands/" + command).json();
        assertThat(state.get("status").asString()).isEqualTo("LOST");
        assertThat(state.get("message").asString()).contains("revoked");
    }

    @Test
    void aCommandLeftOpenOnANodeWhoseAgentIsRevokedEndsAtTheNextSweepSayingWhenAndByWhom() throws Exception {
        var agent = fixtures.agent(uniqueIp());
        long command = fixtures.runOn(agent.nodeId(), "true", 300);
        // The revocation's own statement alone: what a command queued in the same instant as a
        // revocation, and missed by it, looks like.
        jdbc.sql("UPDATE agent_credentials SET revoked_at = ?, revoked_by = 'racer' WHERE node_id = ?")
                .params(DbTime.toDb(Instant.now()), agent.nodeId()).update();

        var ended = Eventually.within(Duration.ofSeconds(10), "the command ended", () -> {
            var state = admin().get("/api/v1/agent-commands/" + command).json();
            return "QUEUED".equals(state.get("status").asString()) ? null : state;
        });
        assertThat(ended.get("status").asString()).isEqualTo("LOST");
        assertThat(ended.get("message").asString()).matches("the node's agent was revoked at \\S+ by racer");
    }

    @Test
    void aCommandOfADeletedNodeEndsLostAtTheNextSweep() throws Exception {
        var agent = fixtures.agent(uniqueIp());
        long command = fixtures.runOn(agent.nodeId(), "true", 300);

        assertThat(admin().delete("/api/v1/nodes/" + agent.nodeId()).status()).isEqualTo(204);

        var ended = Eventually.within(Duration.ofSeconds(10), "the command ended", () -> {
            var state = admin().get("/api/v1/agent-commands/" + command).json();
            return "QUEUED".equals(state.get("status").asString()) ? null : state;
        });
        assertThat(ended.get("status").asString()).isEqualTo("LOST");
        assertThat(ended.get("message").asString()).contains("node was deleted");
    }

    @Test
    void aCommandDeliveredToAPollTheAgentNeverSawEndsLost() {
        var agent = fixtures.agent(uniqueIp());
        long command = fixtures.runOn(agent.nodeId(), "true", 30);
        agent.poll("", 0);

        agent.poll("", 0);

        assertThat(admin().get("/api/v1/agent-commands/" + command).json().get("status").asString()).isEqualTo("LOST");
    }

    @Test
    void cancellingAQueuedCommandEndsItAndARunningOneIsToldToItsAgent() {
        var agent = fixtures.agent(uniqueIp());
        long queued = fixtures.runOn(agent.nodeId(), "sleep 1", 30);
        assertThat(admin().post("/api/v1/agent-commands/" + queued + "/cancel", "{}").json().get("status").asString())
                .isEqualTo("CANCELLED");
        long running = fixtures.runOn(agent.nodeId(), "sleep 100", 30);
        agent.poll("", 0);

        assertThat(admin().post("/api/v1/agent-commands/" + running + "/cancel", "{}").json().get("status").asString())
                .isEqualTo("CANCEL_REQUESTED");
        var told = agent.poll(Long.toString(running), 5).json();
        assertThat(told.get("cancel").get(0).asLong()).isEqualTo(running);
        agent.api().post("/api/v1/agent/commands/" + running + "/result", "{\"outcome\":\"CANCELLED\",\"exitCode\":-15}");
        var state = admin().get("/api/v1/agent-commands/" + running).json();
        assertThat(state.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(state.get("message").asString()).contains("cancelled by admin");
    }

    @Test
    void oneRequestSendsTheSameScriptToManyNodes() {
        var first = fixtures.agent(uniqueIp());
        var second = fixtures.agent(uniqueIp());

        var sent = admin().post("/api/v1/agent-commands", "{\"nodeIds\":[" + first.nodeId() + "," + second.nodeId()
                + "],\"command\":{\"script\":\"hostname\",\"timeoutSeconds\":30}}");

        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.json().get("commands").size()).isEqualTo(2);
        assertThat(first.poll("", 0).json().get("commands").get(0).get("scriptSha256").asString())
                .isEqualTo(sent.json().get("scriptSha256").asString());
        assertThat(second.poll("", 0).json().get("commands").size()).isEqualTo(1);
    }

    @Test
    void aPollCountsAsAHeartbeat() throws Exception {
        var agent = fixtures.agent(uniqueIp());
        jdbc.sql("UPDATE nodes SET last_seen_at = ? WHERE id = ?")
                .params(DbTime.toDb(Instant.now().minusSeconds(600)), agent.nodeId()).update();
        assertThat(agentStatus(agent)).isEqualTo("OFFLINE");

        assertThat(agent.poll("", 0).status()).isEqualTo(200);

        // Heartbeats carried by polls are written together, once a second.
        Eventually.within(Duration.ofSeconds(5), "the node ONLINE after its poll", () -> "ONLINE".equals(agentStatus(agent)));
    }

    @Test
    void followingCommandsIgnoresOtherCommandsQueuedBetweenThem() {
        var first = fixtures.agent(uniqueIp());
        var second = fixtures.agent(uniqueIp());
        CommandId a = new CommandId(fixtures.runOn(first.nodeId(), "true", 30));
        long between = fixtures.runOn(second.nodeId(), "true", 30);
        CommandId c = new CommandId(fixtures.runOn(first.nodeId(), "echo c", 30));
        CommandWatch watch = dispatch.watch(List.of(a, c));
        second.poll("", 0);
        second.api().post("/api/v1/agent/commands/" + between + "/result", "{\"outcome\":\"EXITED\",\"exitCode\":0}");

        var quiet = watch.poll();

        assertThat(quiet.ended()).isEmpty();
        assertThat(quiet.allEnded()).isFalse();
        assertThat(first.poll("", 0).json().get("commands").size()).isEqualTo(2);
        first.api().post("/api/v1/agent/commands/poll", "{\"held\":[],\"waitSeconds\":0,\"finished\":["
                + "{\"id\":" + a.value() + ",\"result\":{\"outcome\":\"EXITED\",\"exitCode\":0}},"
                + "{\"id\":" + c.value() + ",\"chunks\":[{\"seq\":0,\"stream\":\"stdout\",\"content\":\"c\\n\"}],"
                + "\"result\":{\"outcome\":\"EXITED\",\"exitCode\":0,\"chunks\":1}}]}");
        var done = watch.poll();
        assertThat(done.allEnded()).isTrue();
        assertThat(done.ended()).extracting(CommandState::id).containsExactlyInAnyOrder(a, c);
        assertThat(done.chunks()).extracting(chunk -> chunk.chunk().content()).containsExactly("c\n");
        assertThat(watch.poll().chunks()).as("each chunk once").isEmpty();
    }

    private long tokenId(String token) {
        return jdbc.sql("SELECT id FROM agent_enrollment_tokens WHERE token_prefix = ?")
                .param(Secrets.displayPrefix(token)).query(Long.class).single();
    }

    private static List<String> fields(io.devops.platform.support.Api.Response problem) {
        return problem.json().get("errors").findValuesAsString("field");
    }

    private String agentStatus(AgentFixtures.Agent agent) {
        return admin().get("/api/v1/nodes/" + agent.nodeId()).json().get("agent").get("status").asString();
    }

    private static void waitUntilWaiting(AgentFixtures.Agent agent, CompletableFuture<?> poll) throws InterruptedException {
        // The poll registers within milliseconds; give it a moment without depending on it.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (System.nanoTime() < deadline && !poll.isDone()) {
            Thread.sleep(20);
        }
    }
}
