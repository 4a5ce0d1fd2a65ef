package io.devops.platform.agentgateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devops.platform.support.AgentProcess;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import io.devops.platform.support.TestNodes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** One template mixing an Ansible step and an agent step, on nodes that run sshd and an agent. */
class AgentAndAnsibleStepsTests extends ApiTest {

    @TempDir
    Path dirs;

    private final List<AgentProcess> agents = new ArrayList<>();

    @AfterEach
    void stopAgents() throws InterruptedException {
        for (AgentProcess agent : agents) {
            agent.close();
        }
    }

    @Test
    void aTemplateMixingAnAnsibleStepAndAnAgentIpAStepSucceedsOnEveryNode() throws Exception {
        assumeTrue(TestNodes.available(), "needs root, openssh-server and ansible-core: run scripts/test.sh");
        TestNodes nodes = TestNodes.shared();
        RunFixtures fixtures = new RunFixtures(admin(), nodes);
        List<Long> nodeIds = fixtures.testNodeIds();
        // The test nodes are known to the inventory: only a token bound to each one enrols its agent.
        AgentFixtures agentFixtures = new AgentFixtures(admin(), anonymous());
        for (int i = 0; i < TestNodes.COUNT; i++) {
            agents.add(AgentProcess.start("http://127.0.0.1:" + port, agentFixtures.tokenFor(nodeIds.get(i)), nodes.ip(i),
                    dirs.resolve("agent-" + i)));
        }
        for (long nodeId : nodeIds) {
            Eventually.within(Duration.ofSeconds(30), "agent of node " + nodeId + " online", () -> online(nodeId) ? true : null);
        }
        String name = unique("mixed");
        long viaAnsible = fixtures.shell(unique("hello"), "echo via ansible on $NODE_IP", null, "ansible");
        long viaAgent = fixtures.shell(unique("ip_a"), "ip a", null, "agent");
        long template = fixtures.template(name, steps -> {
            RunFixtures.scriptStep(steps, viaAnsible);
            RunFixtures.scriptStep(steps, viaAgent);
        });

        JsonNode run = fixtures.awaitEnd(fixtures.start(fixtures.job(name, "STOP", template, nodeIds)), Duration.ofMinutes(2));

        assertThat(run.get("status").asString()).as(admin().get("/api/v1/runs/" + run.get("id").asLong() + "/log").body())
                .isEqualTo("SUCCEEDED");
        JsonNode steps = run.get("items").get(0).get("steps");
        assertThat(steps.get(0).get("dispatch").asString()).isEqualTo("ansible");
        assertThat(steps.get(1).get("dispatch").asString()).isEqualTo("agent");
        for (JsonNode step : steps) {
            assertThat(step.get("hosts").size()).isEqualTo(TestNodes.COUNT);
            step.get("hosts").forEach(host -> assertThat(host.get("status").asString()).isEqualTo("SUCCEEDED"));
        }
        String log = admin().get("/api/v1/runs/" + run.get("id").asLong() + "/log").body();
        assertThat(log).contains("127.0.1.1 | via ansible on 127.0.1.1").contains("127.0.1.3 | 1: lo:");
    }

    private boolean online(long nodeId) {
        JsonNode agent = admin().get("/api/v1/nodes/" + nodeId).json().get("agent");
        return agent != null && !agent.isNull() && "ONLINE".equals(agent.get("status").asString());
    }
}
