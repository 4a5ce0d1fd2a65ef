package io.devops.platform.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class JobsApiTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private long templateId;
    private long nodeId;

    @BeforeEach
    void template() {
        ObjectNode shell = JSON.createObjectNode().put("name", unique("noop")).put("command", "true").put("dispatch", "ansible");
        shell.putArray("parameters");
        long shellId = admin().post("/api/v1/shells", shell.toString()).id();
        ObjectNode template = JSON.createObjectNode().put("name", unique("template"));
        template.putArray("steps").addObject().put("type", "script").put("shellId", shellId).putObject("params");
        templateId = admin().post("/api/v1/templates", template.toString()).id();
        nodeId = admin().post("/api/v1/nodes", "{\"ip\":\"" + uniqueIp() + "\"}").id();
    }

    @Test
    void editingAJobAppendsAVersionAndEveryVersionStaysReadable() {
        String name = unique("delivery");
        var created = admin().post("/api/v1/jobs", body(name, "STOP", templateId, "node", nodeId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("version").asInt()).isEqualTo(1);
        long jobId = created.id();

        var updated = admin().put("/api/v1/jobs/" + jobId, body(name, "CONTINUE", templateId, "node", nodeId));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("id").asLong()).isEqualTo(jobId);
        assertThat(updated.json().get("version").asInt()).isEqualTo(2);
        assertThat(updated.json().get("failurePolicy").asString()).isEqualTo("CONTINUE");

        JsonNode first = admin().get("/api/v1/jobs/" + jobId + "?version=1").json();
        assertThat(first.get("failurePolicy").asString()).isEqualTo("STOP");
        assertThat(first.get("latest").asBoolean()).isFalse();
        assertThat(first.get("items").get(0).get("templateName").asString()).startsWith("template_");
        assertThat(first.get("items").get(0).get("targets").get(0).get("type").asString()).isEqualTo("node");
        assertThat(admin().get("/api/v1/jobs/" + jobId + "/versions").json().size()).isEqualTo(2);
    }

    @Test
    void aJobTakesAChineseNameAndADuplicateIsAConflictNamingTheRule() {
        String name = "交付任务-北京A区（" + unique("第一批") + "）";
        var created = admin().post("/api/v1/jobs", body(name, "STOP", templateId, "node", nodeId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("name").asString()).isEqualTo(name);

        var duplicate = admin().post("/api/v1/jobs", body(name, "STOP", templateId, "node", nodeId));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("errors").get(0).get("rule").asString()).isEqualTo("name.duplicate");

        var control = admin().post("/api/v1/jobs", body(unique("line") + "\nbreak", "STOP", templateId, "node", nodeId));
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.json().get("errors").get(0).get("rule").asString()).isEqualTo("name.control");
    }

    @Test
    void aDeletedJobLeavesListsAndCannotRunButStaysReadable() {
        String name = unique("gone");
        long jobId = admin().post("/api/v1/jobs", body(name, "STOP", templateId, "node", nodeId)).id();
        assertThat(admin().delete("/api/v1/jobs/" + jobId).status()).isEqualTo(204);
        assertThat(admin().get("/api/v1/jobs?name=" + name).json().get("total").asLong()).isZero();
        assertThat(admin().get("/api/v1/jobs/" + jobId).status()).isEqualTo(200);
        assertThat(admin().post("/api/v1/jobs/" + jobId + "/runs", "{}").status()).isEqualTo(404);
    }

    @Test
    void refusesUnknownTemplatesTargetsAndPolicies() {
        var unknownTemplate = admin().post("/api/v1/jobs", body(unique("x"), "STOP", 987_654, "node", nodeId));
        assertThat(unknownTemplate.status()).isEqualTo(400);
        assertThat(unknownTemplate.json().get("detail").asString()).contains("template 987654 does not exist");

        var unknownNode = admin().post("/api/v1/jobs", body(unique("x"), "STOP", templateId, "node", 987_654));
        assertThat(unknownNode.status()).isEqualTo(400);
        assertThat(unknownNode.json().get("detail").asString()).contains("node 987654 does not exist");

        var badType = admin().post("/api/v1/jobs", body(unique("x"), "STOP", templateId, "rack", nodeId));
        assertThat(badType.status()).isEqualTo(400);

        var badPolicy = admin().post("/api/v1/jobs", body(unique("x"), "SOMETIMES", templateId, "node", nodeId));
        assertThat(badPolicy.status()).isEqualTo(400);
        assertThat(badPolicy.json().get("detail").asString()).contains("STOP or CONTINUE");
    }

    @Test
    void aDuplicateNameIsAConflict() {
        String name = unique("twice");
        admin().post("/api/v1/jobs", body(name, "STOP", templateId, "node", nodeId));
        assertThat(admin().post("/api/v1/jobs", body(name, "STOP", templateId, "node", nodeId)).status()).isEqualTo(409);
    }

    @Test
    void anEditBasedOnAnOlderVersionIs409WithTheCurrentVersionAndSavesNothing() {
        String name = unique("stale");
        long jobId = admin().post("/api/v1/jobs", body(name, "STOP", templateId, "node", nodeId)).id();
        assertThat(admin().header("If-Match", "\"1\"").put("/api/v1/jobs/" + jobId,
                body(name, "CONTINUE", templateId, "node", nodeId)).status()).isEqualTo(200);

        var stale = admin().header("If-Match", "\"1\"").put("/api/v1/jobs/" + jobId, body(name, "STOP", templateId, "node", nodeId));
        var staleDelete = admin().header("If-Match", "1").delete("/api/v1/jobs/" + jobId);

        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.isProblem()).isTrue();
        assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(2);
        assertThat(staleDelete.status()).isEqualTo(409);
        JsonNode job = admin().get("/api/v1/jobs/" + jobId).json();
        assertThat(job.get("version").asInt()).isEqualTo(2);
        assertThat(job.get("failurePolicy").asString()).isEqualTo("CONTINUE");
    }

    private static String body(String name, String policy, long templateId, String targetType, long targetId) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("failurePolicy", policy);
        ObjectNode item = body.putArray("items").addObject().put("templateId", templateId);
        item.putArray("targets").addObject().put("type", targetType).put("id", targetId);
        return body.toString();
    }
}
