package io.devops.platform.agentgateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.AgentProcess;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Script steps dispatched to the agent inside real runs: results and logs like Ansible's, offline
 * or revoked nodes fail alone, and a cancel ends the run even when no agent confirms it.
 */
class AgentStepsInRunsTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dirs;

    private AgentProcess agent;

    @AfterEach
    void stopAgent() throws InterruptedException {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void anAgentStepRunsOnTheOnlineNodeAndFailsOnlyTheNodeWithoutAnAgent() throws Exception {
        String onlineIp = uniqueIp();
        agent = AgentProcess.start("http://127.0.0.1:" + port, new AgentFixtures(admin(), anonymous()).token(1, null),
                onlineIp, dirs.resolve("agent"));
        long online = Eventually.within(Duration.ofSeconds(30), "agent on " + onlineIp + " online", () -> onlineNode(onlineIp));
        long silent = admin().post("/api/v1/nodes", "{\"ip\":\"" + uniqueIp() + "\"}").id();

        ObjectNode shell = JSON.createObjectNode().put("name", unique("ip_a")).put("command", "echo hello from $NODE_IP run $RUN_ID")
                .put("dispatch", "agent");
        shell.putArray("parameters");
        long shellId = admin().post("/api/v1/shells", shell.toString()).id();
        ObjectNode template = JSON.createObjectNode().put("name", unique("agent-template"));
        template.putArray("steps").addObject().put("type", "script").put("shellId", shellId).putObject("params");
        long templateId = admin().post("/api/v1/templates", template.toString()).id();
        ObjectNode job = JSON.createObjectNode().put("name", unique("agent-job")).put("failurePolicy", "CONTINUE");
        var targets = job.putArray("items").addObject().put("templateId", templateId).putArray("targets");
        targets.addObject().put("type", "node").put("id", online);
        targets.addObject().put("type", "node").put("id", silent);
        long jobId = admin().post("/api/v1/jobs", job.toString()).id();

        long runId = admin().post("/api/v1/jobs/" + jobId + "/runs", "{}").id();
        JsonNode run = Eventually.within(Duration.ofSeconds(60), "run " + runId + " ended", () -> {
            JsonNode detail = admin().get("/api/v1/runs/" + runId).json();
            return detail.get("finishedAt") == null || detail.get("finishedAt").isNull() ? null : detail;
        });

        JsonNode hosts = run.get("items").get(0).get("steps").get(0).get("hosts");
        assertThat(hosts.get(0).get("nodeId").asLong()).isEqualTo(online);
        assertThat(hosts.get(0).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(hosts.get(0).get("rc").asInt()).isZero();
        assertThat(hosts.get(1).get("status").asString()).isEqualTo("UNREACHABLE");
        assertThat(hosts.get(1).get("message").asString()).contains("no agent");
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        assertThat(admin().get("/api/v1/runs/" + runId + "/log").body())
                .contains(onlineIp + " | hello from " + onlineIp + " run " + runId);
    }

    @Test
    void aShellDeclaredToRunAsAnUnprivilegedUserRunsAsThatUserOnTheAgent() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "the agent must run as root to switch users");
        String ip = uniqueIp();
        agent = AgentProcess.start("http://127.0.0.1:" + port, fixtures().token(1, null), ip, dirs.resolve("agent"));
        long node = Eventually.within(Duration.ofSeconds(30), "agent on " + ip + " online", () -> onlineNode(ip));
        ObjectNode shell = JSON.createObjectNode().put("name", unique("as_nobody")).put("command", "echo \"as $(id -un) uid $(id -u)\"")
                .put("dispatch", "agent").put("runAs", "nobody");
        shell.putArray("parameters");
        long shellId = admin().post("/api/v1/shells", shell.toString()).id();
        long template = runs().template(unique("as-nobody"), steps -> RunFixtures.scriptStep(steps, shellId));

        long runId = runs().start(runs().job(unique("as-nobody"), "CONTINUE", template, List.of(node)));
        JsonNode run = runs().awaitEnd(runId, Duration.ofSeconds(60));

        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(admin().get("/api/v1/runs/" + runId + "/log").body()).contains(ip + " | as nobody uid 65534")
                .doesNotContain("as root");
    }

    @Test
    void aRunOnANodeWhoseAgentWasRevokedFailsThatNodeAtOnceSayingWhenAndByWhom() {
        var agent = fixtures().agent(uniqueIp());
        assertThat(admin().post("/api/v1/nodes/" + agent.nodeId() + "/agent/revoke", "{}").status()).isEqualTo(200);

        long runId = runs().start(agentJob("echo never", agent.nodeId()));
        JsonNode run = runs().awaitEnd(runId, Duration.ofSeconds(15));

        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("FAILED");
        JsonNode host = run.get("items").get(0).get("steps").get(0).get("hosts").get(0);
        assertThat(host.get("status").asString()).isEqualTo("UNREACHABLE");
        assertThat(host.get("message").asString()).matches("the node's agent was revoked at \\S+ by admin");
    }

    @Test
    void revokingTheAgentDuringAStepFailsItsNodeAtOnceSayingWhenAndByWhom() throws Exception {
        var agent = fixtures().agent(uniqueIp());
        long runId = runs().start(agentJob("sleep 600", agent.nodeId()));
        long command = takeCommand(agent);

        admin().post("/api/v1/nodes/" + agent.nodeId() + "/agent/revoke", "{}");

        JsonNode run = runs().awaitEnd(runId, Duration.ofSeconds(15));
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("FAILED");
        JsonNode host = run.get("items").get(0).get("steps").get(0).get("hosts").get(0);
        assertThat(host.get("message").asString()).matches("the node's agent was revoked at \\S+ by admin");
        assertThat(admin().get("/api/v1/agent-commands/" + command).json().get("status").asString()).isEqualTo("LOST");
    }

    @Test
    void cancelEndsARunWhoseAgentsNeverConfirmAfterAShortGraceAndSaysSo() throws Exception {
        var stuck = fixtures().agent(uniqueIp());   // is told to cancel, never confirms
        var silent = fixtures().agent(uniqueIp());  // took its command and went quiet
        long runId = runs().start(agentJob("sleep 600", stuck.nodeId(), silent.nodeId()));
        long stuckCommand = takeCommand(stuck);
        long silentCommand = takeCommand(silent);

        assertThat(admin().post("/api/v1/runs/" + runId + "/cancel", "{}").status()).isEqualTo(202);
        JsonNode told = Eventually.within(Duration.ofSeconds(10), "the cancel reaches the agent", () -> {
            JsonNode answer = stuck.poll(Long.toString(stuckCommand), 1).json();
            return answer.get("cancel").isEmpty() ? null : answer;
        });
        assertThat(told.get("cancel").get(0).asLong()).isEqualTo(stuckCommand);
        assertThat(command(stuckCommand).get("status").asString()).isEqualTo("CANCELLING");

        JsonNode run = runs().awaitEnd(runId, Duration.ofSeconds(20));
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("CANCELLED");
        for (long command : List.of(stuckCommand, silentCommand)) {
            JsonNode state = command(command);
            assertThat(state.get("status").asString()).isEqualTo("CANCELLED");
            assertThat(state.get("message").asString()).contains("cancel requested at")
                    .contains("did not confirm within 3 s");
        }
    }

    @Test
    void aRunCancelledWhileItsAgentIsRevokedEndsCancelledNotFailed() throws Exception {
        var agent = fixtures().agent(uniqueIp());
        long runId = runs().start(agentJob("sleep 600", agent.nodeId()));
        long command = takeCommand(agent);
        admin().post("/api/v1/runs/" + runId + "/cancel", "{}");
        Eventually.within(Duration.ofSeconds(10), "the cancel requested of the agent",
                () -> "CANCEL_REQUESTED".equals(command(command).get("status").asString()));

        admin().post("/api/v1/nodes/" + agent.nodeId() + "/agent/revoke", "{}");

        JsonNode run = runs().awaitEnd(runId, Duration.ofSeconds(15));
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("CANCELLED");
    }

    /** Polls as the agent until the run's command is delivered to it; answers the command's id. */
    private static long takeCommand(AgentFixtures.Agent agent) throws InterruptedException {
        JsonNode delivered = Eventually.within(Duration.ofSeconds(15), "the command delivered to node " + agent.nodeId(), () -> {
            JsonNode commands = agent.poll("", 1).json().get("commands");
            return commands.isEmpty() ? null : commands.get(0);
        });
        return delivered.get("id").asLong();
    }

    private JsonNode command(long id) {
        return admin().get("/api/v1/agent-commands/" + id).json();
    }

    private long agentJob(String command, long... nodes) {
        long shell = runs().shell(unique("agent_shell"), command, null, "agent");
        long template = runs().template(unique("agent-template"), steps -> RunFixtures.scriptStep(steps, shell));
        return runs().job(unique("agent-job"), "CONTINUE", template, Arrays.stream(nodes).boxed().toList());
    }

    private AgentFixtures fixtures() {
        return new AgentFixtures(admin(), anonymous());
    }

    private RunFixtures runs() {
        return new RunFixtures(admin(), null);
    }

    private Long onlineNode(String ip) {
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
