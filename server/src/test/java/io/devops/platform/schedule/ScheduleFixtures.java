package io.devops.platform.schedule;

import io.devops.platform.support.Api;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A job to schedule: one do-nothing script step on one node of its own. */
final class ScheduleFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ScheduleFixtures() {
    }

    static long job(Api admin, Function<String, String> unique, Supplier<String> uniqueIp) {
        return job(admin, unique, admin.post("/api/v1/nodes", "{\"ip\":\"" + uniqueIp.get() + "\"}").id());
    }

    static long job(Api admin, Function<String, String> unique, long nodeId) {
        ObjectNode shell = JSON.createObjectNode().put("name", unique.apply("noop")).put("command", "true").put("dispatch", "ansible");
        shell.putArray("parameters");
        long shellId = admin.post("/api/v1/shells", shell.toString()).id();
        ObjectNode template = JSON.createObjectNode().put("name", unique.apply("template"));
        template.putArray("steps").addObject().put("type", "script").put("shellId", shellId).putObject("params");
        long templateId = admin.post("/api/v1/templates", template.toString()).id();
        ObjectNode job = JSON.createObjectNode().put("name", unique.apply("scheduled")).put("failurePolicy", "STOP");
        job.putArray("items").addObject().put("templateId", templateId).putArray("targets").addObject().put("type", "node").put("id", nodeId);
        return admin.post("/api/v1/jobs", job.toString()).id();
    }
}
