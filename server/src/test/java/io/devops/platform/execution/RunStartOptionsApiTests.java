package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Options at start (limit, exclude, skipLocked, extra variables, check mode, batch size) through the
 * API, on nodes nobody can reach: what is checked here is decided before anything connects, or, in
 * check mode, never connects at all.
 */
class RunStartOptionsApiTests extends ApiTest {

    private RunFixtures fixtures;
    private long poolA;
    private long poolB;
    private long a1;
    private long a2;
    private long b1;
    private long template;

    @BeforeEach
    void world() {
        fixtures = new RunFixtures(admin(), null);
        long tenant = created(admin().post("/api/v1/tenants", "{\"name\":\"" + unique("opts") + "\"}"));
        poolA = created(admin().post("/api/v1/node-pools", "{\"name\":\"" + unique("pa") + "\",\"tenantId\":" + tenant + "}"));
        poolB = created(admin().post("/api/v1/node-pools", "{\"name\":\"" + unique("pb") + "\",\"tenantId\":" + tenant + "}"));
        a1 = node(poolA, "{}");
        a2 = node(poolA, "{\"rack\":\"r1\"}");
        b1 = node(poolB, "{\"rack\":\"r2\"}");
        template = fixtures.template(unique("opts"), steps -> RunFixtures.scriptStep(steps,
                fixtures.shell(unique("noop"), "true", null, "ansible")));
    }

    @Test
    void eachBadOptionIsAProblemNamingItAndStartsNothing() {
        long job = job(null, List.of(), poolA, poolB);
        long stranger = node(poolA, "{}");
        long onlyInA = jobOn(List.of(a1));

        assertProblem(start(job, "{\"batchSize\":0}"), "batchSize", "between 1 and");
        assertProblem(start(job, "{\"limit\":{\"nodeIds\":[987654321]}}"), "limit.nodeIds", "node 987654321 does not exist");
        assertProblem(start(onlyInA, "{\"limit\":{\"nodeIds\":[" + stranger + "]}}"), "limit.nodeIds", "is not a target of job");
        assertProblem(start(job, "{\"exclude\":{\"poolIds\":[987654321]}}"), "exclude.poolIds", "node pool 987654321 does not exist");
        assertProblem(start(job, "{\"limit\":{\"labels\":{\"rack\":\"nowhere\"}}}"), "limit", "leave no node to run on");
        assertProblem(start(job, "{\"exclude\":{\"poolIds\":[" + poolA + "," + poolB + "]}}"), "exclude", "leave no node to run on");
        assertProblem(start(job, "{\"extraVars\":{\"color\":\"red\"}}"), "extraVars.color", "declares no parameters");

        assertThat(admin().get("/api/v1/runs?jobId=" + job).json().get("total").asLong()).isZero();
        assertThat(admin().get("/api/v1/runs?jobId=" + onlyInA).json().get("total").asLong()).isZero();
    }

    @Test
    void extraVariablesAreCheckedAgainstTheDeclaredParametersAndSecretValuesAreNeverShown() {
        ArrayNode parameters = RunFixtures.object().putArray("p");
        parameters.addObject().put("name", "driver_version").put("type", "string").put("required", true);
        parameters.addObject().put("name", "gpu_count").put("type", "int").put("defaultValue", 8);
        parameters.addObject().put("name", "reboot").put("type", "bool");
        ArrayNode choices = parameters.addObject().put("name", "profile").put("type", "choice").putArray("choices");
        choices.add("fast").add("full");
        parameters.addObject().put("name", "db_password").put("type", "string");
        long job = job(null, toList(parameters), poolA);

        assertProblem(start(job, "{\"extraVars\":{}}"), "extraVars.driver_version", "is required");
        assertProblem(start(job, "{\"extraVars\":{\"driver_version\":\"550\",\"gpu_count\":\"eight\"}}"), "extraVars.gpu_count",
                "whole number");
        assertProblem(start(job, "{\"extraVars\":{\"driver_version\":\"550\",\"reboot\":\"yes\"}}"), "extraVars.reboot", "true or false");
        assertProblem(start(job, "{\"extraVars\":{\"driver_version\":\"550\",\"profile\":\"slow\"}}"), "extraVars.profile",
                "one of fast, full");
        assertProblem(start(job, "{\"extraVars\":{\"driver_version\":\"550\",\"colour\":\"red\"}}"), "extraVars.colour",
                "declares no parameter 'colour'");

        Api.Response started = start(job, "{\"checkMode\":true,\"extraVars\":{\"driver_version\":\"{{ lookup('pipe','id') }}\","
                + "\"profile\":\"full\",\"db_password\":\"hunter2\"}}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode run = admin().get("/api/v1/runs/" + started.id()).json();
        JsonNode shown = run.get("options").get("extraVars");
        assertThat(shown.get("driver_version").asString()).isEqualTo("{{ lookup('pipe','id') }}");
        assertThat(shown.get("gpu_count").asLong()).as("the declared default fills in").isEqualTo(8);
        assertThat(shown.get("db_password").asString()).isEqualTo("******");
        assertThat(admin().get("/api/v1/runs/" + started.id()).body()).doesNotContain("hunter2");
        fixtures.awaitEnd(started.id(), Duration.ofMinutes(1));
    }

    @Test
    void aParameterThatWouldReachAnsiblesOwnSettingsIsRefusedWhenTheJobIsSaved() {
        ArrayNode parameters = RunFixtures.object().putArray("p");
        parameters.addObject().put("name", "ansible_ssh_common_args").put("type", "string");
        Api.Response saved = admin().post("/api/v1/jobs", jobBody(unique("reserved"), null, toList(parameters), List.of(), poolA));

        assertProblem(saved, "parameters[0].name", "is reserved");
    }

    @Test
    void limitAndExcludeChooseNodesByListLabelAndPool() {
        long job = job(null, List.of(), poolA, poolB);

        assertThat(previewIds(job, "{}")).containsExactly(a1, a2, b1);
        assertThat(previewIds(job, "{\"limit\":{\"poolIds\":[" + poolA + "]}}")).containsExactly(a1, a2);
        assertThat(previewIds(job, "{\"limit\":{\"labels\":{\"rack\":\"r1\"}}}")).containsExactly(a2);
        assertThat(previewIds(job, "{\"limit\":{\"nodeIds\":[" + b1 + "],\"labels\":{\"rack\":\"r1\"}}}")).containsExactly(a2, b1);
        assertThat(previewIds(job, "{\"exclude\":{\"nodeIds\":[" + a1 + "]}}")).containsExactly(a2, b1);
        assertThat(previewIds(job, "{\"limit\":{\"poolIds\":[" + poolA + "]},\"exclude\":{\"labels\":{\"rack\":\"r1\"}}}"))
                .containsExactly(a1);

        Api.Response started = start(job, "{\"limit\":{\"poolIds\":[" + poolA + "]},\"exclude\":{\"nodeIds\":[" + a1 + "]},"
                + "\"checkMode\":true,\"batchSize\":5}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode run = admin().get("/api/v1/runs/" + started.id()).json();
        assertThat(nodeIds(run)).containsExactly(a2);
        assertThat(run.get("options").get("limit").get("poolIds").get(0).asLong()).isEqualTo(poolA);
        assertThat(run.get("options").get("exclude").get("nodeIds").get(0).asLong()).isEqualTo(a1);
        assertThat(run.get("options").get("batchSize").asInt()).isEqualTo(5);
        assertThat(run.get("options").get("limit").has("empty")).as("only what was asked").isFalse();
        assertThat(run.get("checkMode").asBoolean()).isTrue();
        fixtures.awaitEnd(started.id(), Duration.ofMinutes(1));
    }

    @Test
    void lockedTargetsRefuseTheStartUnlessSkippedAndSkippedNodesShowWithTheLocksReason() {
        long job = job(null, List.of(), poolA);
        admin().post("/api/v1/nodes/" + a1 + "/lock", RunFixtures.object().put("reason", "fan replacement").toString());

        Api.Response refused = start(job, "{}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body()).contains("is locked by admin: fan replacement");
        JsonNode preview = admin().post("/api/v1/jobs/" + job + "/runs/preview", "{}").json();
        assertThat(preview.get("total").asInt()).isEqualTo(2);
        assertThat(preview.get("locked").asInt()).isEqualTo(1);
        JsonNode locked = preview.get("nodes").get(0);
        assertThat(locked.get("id").asLong()).isEqualTo(a1);
        assertThat(locked.get("lockReason").asString()).contains("fan replacement");

        Api.Response skipping = start(job, "{\"skipLocked\":true,\"checkMode\":true}");
        assertThat(skipping.status()).as(skipping.toString()).isEqualTo(202);
        JsonNode run = fixtures.awaitEnd(skipping.id(), Duration.ofMinutes(1));
        assertThat(nodeIds(run)).containsExactly(a2);
        JsonNode skipped = run.get("skippedNodes");
        assertThat(skipped.size()).isEqualTo(1);
        assertThat(skipped.get(0).get("nodeId").asLong()).isEqualTo(a1);
        assertThat(skipped.get(0).get("reason").asString()).startsWith("skipped: ").contains("fan replacement");

        admin().post("/api/v1/nodes/" + a2 + "/lock", RunFixtures.object().put("reason", "burn-in").toString());
        Api.Response allLocked = start(job, "{\"skipLocked\":true}");
        assertThat(allLocked.status()).as(allLocked.toString()).isEqualTo(409);
        assertThat(allLocked.body()).contains("every node it would run on is locked");
    }

    @Test
    void aJobSavedWithoutAFailurePolicyStopsOnlyTheFailedNode() {
        long job = job(null, List.of(), poolA);
        assertThat(admin().get("/api/v1/jobs/" + job).json().get("failurePolicy").asString()).isEqualTo("STOP_NODE");
        long stop = job("STOP", List.of(), poolA);
        assertThat(admin().get("/api/v1/jobs/" + stop).json().get("failurePolicy").asString()).isEqualTo("STOP");

        Api.Response wrong = admin().post("/api/v1/jobs", jobBody(unique("policy"), "HALT", List.of(), List.of(), poolA));
        assertProblem(wrong, "failurePolicy", "must be STOP_NODE, STOP or CONTINUE");
    }

    @Test
    void aCheckModeRunRunsNoScriptClaimsNoSuccessForItAndLeavesTheNodesAcceptanceAlone() {
        String report = "/tmp/" + unique("dry") + "/acceptance/gpu_inventory.txt";
        long acceptanceScript = fixtures.shell(unique("accept"), "echo never", report, "ansible");
        long withChecks = fixtures.template(unique("accept"), steps -> RunFixtures.scriptStep(steps, acceptanceScript));
        long fresh = created(admin().post("/api/v1/nodes", "{\"ip\":\"" + uniqueIp() + "\"}"));
        String before = admin().get("/api/v1/nodes/" + fresh).json().get("lifecycle").asString();
        long job = created(admin().post("/api/v1/jobs", jobBody(unique("dry"), null, List.of(), List.of(fresh), null, withChecks)));

        Api.Response started = start(job, "{\"checkMode\":true}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode run = fixtures.awaitEnd(started.id(), Duration.ofMinutes(1));

        assertThat(run.get("checkMode").asBoolean()).isTrue();
        JsonNode step = run.get("items").get(0).get("steps").get(0);
        assertThat(step.get("status").asString()).isEqualTo("SKIPPED");
        JsonNode host = step.get("hosts").get(0);
        assertThat(host.get("status").asString()).isEqualTo("SKIPPED");
        assertThat(host.get("message").asString()).contains("not run in check mode");
        assertThat(run.get("message").asString()).contains("check mode");
        assertThat(admin().get("/api/v1/runs/" + started.id() + "/log").body()).doesNotContain("PLAY [");
        assertThat(admin().get("/api/v1/nodes/" + fresh).json().get("lifecycle").asString()).isEqualTo(before);
        assertThat(admin().get("/api/v1/nodes/" + fresh + "/lifecycle").json().size()).isZero();
    }

    @Test
    void aRerunOfTheFailedNodesOfADryRunIsADryRunToo() {
        long operator = fixtures.builtinOperator("collect_net_driver_info");
        long checked = fixtures.template(unique("dryop"), steps -> RunFixtures.operatorStep(steps, operator));
        long job = created(admin().post("/api/v1/jobs", jobBody(unique("dryop"), null, List.of(), List.of(a1), null, checked)));
        Api.Response started = start(job, "{\"checkMode\":true,\"batchSize\":3}");
        JsonNode first = fixtures.awaitEnd(started.id(), Duration.ofMinutes(2));
        assertThat(first.get("status").asString()).as("nobody answers on %s", a1).isEqualTo("FAILED");

        Api.Response rerun = admin().post("/api/v1/runs/" + started.id() + "/rerun-failed", "{}");
        assertThat(rerun.status()).as(rerun.toString()).isEqualTo(202);
        JsonNode again = fixtures.awaitEnd(rerun.id(), Duration.ofMinutes(2));

        assertThat(again.get("checkMode").asBoolean()).isTrue();
        assertThat(again.get("options").get("batchSize").asInt()).isEqualTo(3);
    }

    private Api.Response start(long job, String body) {
        return admin().post("/api/v1/jobs/" + job + "/runs", body);
    }

    private List<Long> previewIds(long job, String body) {
        Api.Response preview = admin().post("/api/v1/jobs/" + job + "/runs/preview", body);
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        preview.json().get("nodes").forEach(node -> ids.add(node.get("id").asLong()));
        return ids;
    }

    private static List<Long> nodeIds(JsonNode run) {
        List<Long> ids = new ArrayList<>();
        run.get("items").get(0).get("nodes").forEach(node -> ids.add(node.get("nodeId").asLong()));
        return ids;
    }

    private static void assertProblem(Api.Response response, String field, String words) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.json().get("errors").get(0).get("field").asString()).as(response.toString()).isEqualTo(field);
        assertThat(response.json().get("errors").get(0).get("message").asString()).as(response.toString()).contains(words);
    }

    private long node(long pool, String labels) {
        return created(admin().post("/api/v1/nodes", "{\"ip\":\"" + uniqueIp() + "\",\"nodePoolId\":" + pool + ",\"labels\":" + labels + "}"));
    }

    private long job(String policy, List<JsonNode> parameters, long... pools) {
        return created(admin().post("/api/v1/jobs", jobBody(unique("opts"), policy, parameters, List.of(), pools)));
    }

    private long jobOn(List<Long> nodes) {
        return created(admin().post("/api/v1/jobs", jobBody(unique("opts"), null, List.of(), nodes)));
    }

    private String jobBody(String name, String policy, List<JsonNode> parameters, List<Long> nodes, long... pools) {
        return jobBody(name, policy, parameters, nodes, pools, template);
    }

    private static String jobBody(String name, String policy, List<JsonNode> parameters, List<Long> nodes, long[] pools, long template) {
        ObjectNode body = RunFixtures.object().put("name", name);
        if (policy != null) {
            body.put("failurePolicy", policy);
        }
        body.putArray("parameters").addAll(parameters);
        ArrayNode targets = body.putArray("items").addObject().put("templateId", template).putArray("targets");
        nodes.forEach(id -> targets.addObject().put("type", "node").put("id", id));
        if (pools != null) {
            for (long pool : pools) {
                targets.addObject().put("type", "node_pool").put("id", pool);
            }
        }
        return body.toString();
    }

    private static List<JsonNode> toList(ArrayNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static long created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response.id();
    }
}
