package io.devops.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Health policies: stored, versioned, checked rule by rule, ADMIN's to change, chosen per pool. */
class HealthPoliciesApiTests extends ApiTest {

    private static final String PATH = "/api/v1/health-policies";
    private static final Path AGENT_XID_TABLE = Path.of("../agent/src/main/java/io/devops/agent/XidTable.java");

    @Autowired
    private HealthPolicies policies;

    @Test
    void theBuiltInDefaultHasARuleForEveryXidOfTheAgentsTable() throws IOException {
        JsonNode builtin = fleetDefault();
        List<String> xids = new ArrayList<>();
        builtin.get("rules").forEach(rule -> {
            if (rule.get("match").get("component").asString().equals("xid")) {
                xids.add(rule.get("match").get("code").asString());
            }
        });
        Matcher entries = Pattern.compile("Map\\.entry\\((\\d+),").matcher(Files.readString(AGENT_XID_TABLE));
        List<String> agentCodes = new ArrayList<>();
        while (entries.find()) {
            agentCodes.add(entries.group(1));
        }

        assertThat(agentCodes).hasSizeGreaterThan(25);
        assertThat(xids).containsAll(agentCodes).contains("*");
        assertThat(rule(builtin, "xid", "79").get("actions").toString()).isEqualTo("[\"DRAIN\",\"REBOOT\",\"RMA\"]");
        assertThat(rule(builtin, "xid", "79").get("escalateAfterRepairs").asInt()).isEqualTo(2);
        assertThat(rule(builtin, "xid", "13").get("actions").toString()).isEqualTo("[]");
        assertThat(rule(builtin, "gpu", "ROW_REMAP_PENDING").get("actions").get(1).asString()).isEqualTo("GPU_RESET");
        assertThat(rule(builtin, "gpu", "ROW_REMAP_FAILED").get("actions").toString()).isEqualTo("[\"DRAIN\",\"RMA\"]");
        assertThat(builtin.get("limits").toString()).isEqualTo("{\"maxNodesPerPool\":1,\"maxPercentPerPool\":5,\"maxPerHour\":10}");
        assertThat(builtin.get("reacceptanceChecks").toString())
                .isEqualTo("[\"gpu_inventory\",\"xid\",\"ecc\",\"row_remap\",\"dcgm_diag\"]");
        assertThat(policies.forPool(null).ruleFor("xid", "31337").orElseThrow().code()).isEqualTo("*");
    }

    @Test
    void aChangeIsANewVersionAndTheOldOneStaysReadable() {
        String name = unique("gpu-policy");
        var created = admin().post(PATH, HealthPolicyJson.named(name).xid79().json());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.id();
        assertThat(created.json().get("version").asInt()).isEqualTo(1);

        var changed = admin().put(PATH + "/" + id, HealthPolicyJson.named(name).xid79()
                .rule("gpu", "ROW_REMAP_FAILED", "CRITICAL", "[\"DRAIN\",\"RMA\"]", 0).dryRun().json());
        var same = admin().put(PATH + "/" + id, HealthPolicyJson.named(name).xid79()
                .rule("gpu", "ROW_REMAP_FAILED", "CRITICAL", "[\"DRAIN\",\"RMA\"]", 0).dryRun().json());

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("version").asInt()).isEqualTo(2);
        assertThat(same.json().get("version").asInt()).as("an unchanged body makes no version").isEqualTo(2);
        JsonNode versions = admin().get(PATH + "/" + id + "/versions").json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).get("version").asInt()).isEqualTo(1);
        assertThat(versions.get(1).get("rules")).hasSize(1);
        assertThat(versions.get(1).get("dryRun").asBoolean()).isFalse();
        HealthPolicyVersion old = policies.version(id, 1);
        assertThat(old.actor()).isEqualTo("policy:" + name + "@v1");
        assertThat(policies.version(id, 2).dryRun()).isTrue();
        var audit = admin().get("/api/v1/audit-events?entityType=health_policy&entityId=" + id);
        assertThat(audit.body()).contains("health_policy.created", "health_policy.versioned");
    }

    @Test
    void aBadPolicyIsRefusedNamingEachBadRuleAndNothingIsStored() {
        String name = unique("bad-policy");
        var refused = admin().post(PATH, HealthPolicyJson.named(name).xid79()
                .rule("xid", "48", "CRITICAL", "[\"DRAIN\",\"REBOOOT\"]", 2)
                .rule("xid", "79", "CRITICAL", "[\"DRAIN\"]", 2)
                .rule("gpu", "ROW_REMAP_FAILED", "CRITICAL", "[\"DRAIN\",\"RMA\",\"REBOOT\"]", 2)
                .rule("gpu", "GPU_MISSING", "CRITICAL", "[\"REBOOT\",\"DRAIN\"]", -1)
                .rule("gpus", "X", "FATAL", "[]", 0)
                .limits("{\"maxNodesPerPool\":-1,\"maxPercentPerPool\":5,\"maxPerHour\":10}")
                .checks("[\"gpu_inventory\",\"burn\"]").json());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString()).startsWith("The health policy is not valid: rules[1].actions[1]:"
                + " 'REBOOOT' is not an action; use one of [DRAIN, GPU_RESET, REBOOT, POWER_CYCLE, REINSTALL_DRIVER, RMA]");
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("rules[1].actions[1]", "rules[2].match", "rules[3].actions[1]",
                "rules[4].actions[0]", "rules[4].actions[1]", "rules[4].escalateAfterRepairs", "rules[5].match.component",
                "rules[5].severity", "limits.maxNodesPerPool", "reacceptanceChecks[1]");
        assertThat(admin().get(PATH).body()).doesNotContain(name);
    }

    @Test
    void onlyAnAdminChangesPoliciesOrAPoolsChoice() {
        Api operator = operator();
        long pool = pool();
        long id = admin().post(PATH, HealthPolicyJson.named(unique("guarded")).xid79().json()).id();

        assertThat(operator.get(PATH).status()).isEqualTo(200);
        assertThat(operator.post(PATH, HealthPolicyJson.named(unique("mine")).xid79().json()).status()).isEqualTo(403);
        assertThat(operator.put(PATH + "/" + id, HealthPolicyJson.named("x").json()).status()).isEqualTo(403);
        assertThat(operator.put("/api/v1/node-pools/" + pool + "/health-policy", "{\"policyId\":" + id + "}").status())
                .isEqualTo(403);
        assertThat(admin().get(PATH + "/" + id).json().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void aPoolFollowsTheFleetDefaultUntilItChoosesItsOwnPolicy() {
        HealthFixtures.Tenant tenant = fixtures().tenant();
        long pool = tenant.pool();
        String name = unique("pool-policy");
        long id = admin().post(PATH, HealthPolicyJson.named(name).xid79().dryRun().json()).id();
        String choice = "/api/v1/node-pools/" + pool + "/health-policy";

        assertThat(admin().get(choice).json().get("policyId").isNull()).isTrue();
        assertThat(policies.forPool(pool).name()).isEqualTo("default");
        assertThat(fixtures().member(tenant).get(choice).status()).isEqualTo(200);
        assertThat(fixtures().member(fixtures().tenant()).get(choice).status()).as("another tenant's pool").isEqualTo(404);

        var chosen = admin().put(choice, "{\"policyId\":" + id + "}");
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        assertThat(chosen.json().get("effective").get("name").asString()).isEqualTo(name);
        assertThat(policies.forPool(pool).actor()).isEqualTo("policy:" + name + "@v1");
        assertThat(admin().get(PATH + "/" + id).json().get("pools").toString()).isEqualTo("[" + pool + "]");

        admin().put(PATH + "/" + id, HealthPolicyJson.named(name).xid79().json());
        assertThat(policies.forPool(pool).actor()).as("the newest version is in force").isEqualTo("policy:" + name + "@v2");

        assertThat(admin().put(choice, "{\"policyId\":999999999}").status()).isEqualTo(404);
        var reset = admin().put(choice, "{\"policyId\":null}");
        assertThat(reset.json().get("policyId").isNull()).isTrue();
        assertThat(reset.json().get("effective").get("name").asString()).isEqualTo("default");
        assertThat(policies.forPool(pool).name()).isEqualTo("default");
    }

    private JsonNode fleetDefault() {
        for (JsonNode policy : admin().get(PATH).json()) {
            if (policy.get("fleetDefault").asBoolean()) {
                return policy;
            }
        }
        throw new AssertionError("no fleet default policy");
    }

    private static JsonNode rule(JsonNode policy, String component, String code) {
        for (JsonNode rule : policy.get("rules")) {
            if (rule.get("match").get("component").asString().equals(component) && rule.get("match").get("code").asString()
                    .equals(code)) {
                return rule;
            }
        }
        throw new AssertionError("no rule for " + component + " " + code);
    }

    private HealthFixtures fixtures() {
        return new HealthFixtures(admin(), anonymous(), ApiTest::unique);
    }

    private long pool() {
        return fixtures().tenant().pool();
    }

    private Api operator() {
        String name = unique("operator");
        String password = "pw-" + unique("secret") + "-Long";
        var created = admin().post("/api/v1/users", """
                {"username":"%s","displayName":"Test","password":"%s","role":"OPERATOR"}""".formatted(name, password));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return anonymous().basic(name, password);
    }
}
