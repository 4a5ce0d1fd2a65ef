package io.devops.platform.agentgateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.AgentProcess;
import io.devops.platform.support.ApiTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Script steps dispatched to the agent inside real runs: results and logs like Ansible's, offline nodes fail alone. */
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
