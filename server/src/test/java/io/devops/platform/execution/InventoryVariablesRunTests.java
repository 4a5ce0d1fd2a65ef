package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RoleUpload;
import io.devops.platform.support.RunFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On real Ansible over SSH, a role sees the node's groups and each variable at the level that wins
 * (role default &lt; pool &lt; node &lt; operator), Jinja-looking pool values as typed and pool and node
 * secrets; the run keeps the inventory it used with the secrets as {@code <secret>}, and their text
 * is in no answer, log or inventory record.
 */
@ExtendWith(OutputCaptureExtension.class)
class InventoryVariablesRunTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRoleSeesTheGroupsAndThePrecedenceOfRolePoolNodeAndOperatorValuesAndTheRunKeepsItsInventory(CapturedOutput serverLog)
            throws IOException {
        RunFixtures fixtures = RunFixtures.onTestNodes(admin());
        long nodeId = fixtures.testNodeIds().get(0);
        JsonNode node = admin().get("/api/v1/nodes/" + nodeId).json();
        JsonNode pool = admin().get("/api/v1/node-pools/" + node.get("nodePoolId").asLong()).json();
        String poolGroup = "pool_" + pool.get("slug").asString();
        String tenantGroup = "tenant_" + admin().get("/api/v1/tenants/" + pool.get("tenantId").asLong()).json().get("slug").asString();
        String poolSecret = unique("pool-s3cret-{{ 6 * 7 }}");
        String nodeSecret = unique("node-s3cret");
        String poolVars = "/api/v1/node-pools/" + pool.get("id").asLong() + "/vars";
        String nodeVars = "/api/v1/nodes/" + nodeId + "/vars";
        Path out = Files.createDirectories(Path.of("target", "inventory-vars").toAbsolutePath()).resolve(unique("seen") + ".json");
        try {
            Api.Response poolSet = admin().put(poolVars, JSON.writeValueAsString(Map.of(
                    "vars", Map.of("at_pool", "pool", "at_node", "pool", "at_operator", "pool",
                            "jinja_text", "{{ lookup('pipe','id') }}", "nested", Map.of("list", List.of("{{ inventory_hostname }}", 3))),
                    "secretVars", Map.of("pool_token", poolSecret))));
            Api.Response nodeSet = admin().put(nodeVars, JSON.writeValueAsString(Map.of(
                    "vars", Map.of("at_node", "node", "at_operator", "node"), "secretVars", Map.of("node_token", nodeSecret))));
            assertThat(poolSet.status()).as(poolSet.toString()).isEqualTo(200);
            assertThat(nodeSet.status()).as(nodeSet.toString()).isEqualTo(200);
            RoleUpload role = RoleUpload.create(admin(), unique("levels"), Map.of("defaults/main.yml", """
                    at_default: role
                    at_pool: role
                    at_node: role
                    at_operator: role
                    """, "tasks/main.yml", """
                    - name: write what the role sees
                      copy:
                        content: "{{ {'groups': group_names, 'at_default': at_default, 'at_pool': at_pool, 'at_node': at_node, 'at_operator': at_operator, 'jinja_text': jinja_text, 'nested': nested, 'node_id': devops_node_id, 'facts': devops_facts | type_debug, 'pool_token': pool_token, 'node_token': node_token} | to_json }}"
                        dest: "{{ out }}"
                        mode: "0600"
                    - name: say the tokens
                      debug:
                        msg: "tokens {{ pool_token }} and {{ node_token }}"
                    """), "at_operator", "out");
            long operator = role.operator("1", Map.of("at_operator", "operator", "out", out.toString()));
            long template = fixtures.template(unique("levels"), steps -> RunFixtures.operatorStep(steps, operator));
            long runId = fixtures.start(fixtures.job(unique("levels"), "STOP", template, List.of(nodeId)));

            JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(3));
            String log = admin().get("/api/v1/runs/" + runId + "/log").body();
            Api.Response inventory = admin().get("/api/v1/runs/" + runId + "/inventory");

            assertThat(run.get("status").asString()).as(log).isEqualTo("SUCCEEDED");
            JsonNode seen = JSON.readTree(Files.readString(out));
            assertThat(seen.get("groups").toString()).contains("\"" + poolGroup + "\"", "\"" + tenantGroup + "\"");
            assertThat(List.of(seen.get("at_default"), seen.get("at_pool"), seen.get("at_node"), seen.get("at_operator")))
                    .extracting(JsonNode::asString).containsExactly("role", "pool", "node", "operator");
            assertThat(seen.get("jinja_text").asString()).isEqualTo("{{ lookup('pipe','id') }}");
            assertThat(seen.get("nested").toString()).isEqualTo("{\"list\":[\"{{ inventory_hostname }}\",3]}");
            assertThat(seen.get("node_id").asLong()).isEqualTo(nodeId);
            assertThat(seen.get("facts").asString()).isEqualTo("dict");
            assertThat(seen.get("pool_token").asString()).isEqualTo(poolSecret);
            assertThat(seen.get("node_token").asString()).isEqualTo(nodeSecret);
            assertThat(log).contains("tokens *** and ***");

            JsonNode used = inventory.json();
            String ip = node.get("ip").asString();
            assertThat(inventory.status()).isEqualTo(200);
            assertThat(used.get("groups").get("all").toString()).isEqualTo("[\"" + ip + "\"]");
            assertThat(used.get("groups").get(poolGroup).toString()).isEqualTo("[\"" + ip + "\"]");
            assertThat(used.get("groups").get(tenantGroup).toString()).isEqualTo("[\"" + ip + "\"]");
            assertThat(used.get("groupVars").get(poolGroup).get("pool_token").asString()).isEqualTo("<secret>");
            assertThat(used.get("groupVars").get(poolGroup).get("jinja_text").asString()).isEqualTo("{{ lookup('pipe','id') }}");
            assertThat(used.get("hostVars").get(ip).get("node_token").asString()).isEqualTo("<secret>");
            assertThat(used.get("hostVars").get(ip).get("at_node").asString()).isEqualTo("node");
            assertThat(used.get("hostVars").get(ip).get("devops_node_id").asLong()).isEqualTo(nodeId);
            assertThat(used.get("steps").get(0).get("stepNames").toString()).as("the step the recorded inventory belongs to")
                    .isEqualTo("[\"" + run.get("items").get(0).get("steps").get(0).get("name").asString() + "\"]");
            List<String> records = jdbc.sql("SELECT inventory FROM run_inventories WHERE run_id = ?").param(runId).query(String.class).list();
            assertThat(records).hasSize(1);
            for (String secret : List.of(poolSecret, nodeSecret)) {
                assertThat(List.of(run.toString(), log, inventory.body(), poolSet.body(), nodeSet.body(), records.get(0),
                        admin().get(poolVars).body(), admin().get(nodeVars).body(), serverLog.getAll()))
                        .allSatisfy(text -> assertThat(text).doesNotContain(secret));
            }
        } finally {
            Files.deleteIfExists(out);
            admin().put(poolVars, "{\"vars\":{},\"secretVars\":{\"pool_token\":null}}");
            admin().put(nodeVars, "{\"vars\":{},\"secretVars\":{\"node_token\":null}}");
        }
    }
}
