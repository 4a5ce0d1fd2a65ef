package io.devops.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Channels, rules and cheap real runs for the notification tests, through the real API. */
final class NotificationTestData {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Api admin;
    private final Function<String, String> unique;
    private final List<Long> channels = new ArrayList<>();

    NotificationTestData(Api admin, Function<String, String> unique) {
        this.admin = admin;
        this.unique = unique;
    }

    /** A channel builder: name unique, language en unless told. */
    ObjectNode channel(String type, String url, String secret) {
        ObjectNode body = JSON.createObjectNode().put("name", unique.apply(type)).put("type", type).put("language", "en");
        if (url != null) {
            body.put("url", url);
        }
        if (secret != null) {
            body.put("secret", secret);
        }
        return body;
    }

    long create(ObjectNode channel) {
        Api.Response created = admin.post("/api/v1/notification-channels", channel.toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        channels.add(created.id());
        return created.id();
    }

    long rule(long channelId, Long jobId, String... events) {
        ObjectNode body = JSON.createObjectNode().put("channelId", channelId);
        if (jobId == null) {
            body.putNull("jobId");
        } else {
            body.put("jobId", jobId);
        }
        var list = body.putArray("events");
        for (String event : events) {
            list.add(event);
        }
        Api.Response created = admin.post("/api/v1/notification-rules", body.toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    /** Deletes the channels made here (with their rules): a global rule left behind would follow every later test's runs. */
    void deleteChannels() {
        channels.forEach(id -> admin.delete("/api/v1/notification-channels/" + id));
        channels.clear();
    }

    long sendTest(long channelId) {
        Api.Response queued = admin.post("/api/v1/notification-channels/" + channelId + "/test", "{}");
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        return queued.json().get("deliveryId").asLong();
    }

    /** The channel's attempts (newest first) once there are {@code count}, or what there is when the time is up. */
    JsonNode awaitAttempts(long channelId, int count, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode items = attempts(channelId);
        while (items.size() < count && System.nanoTime() < deadline) {
            pause(100);
            items = attempts(channelId);
        }
        return items;
    }

    JsonNode attempts(long channelId) {
        Api.Response answer = admin.get("/api/v1/notification-channels/" + channelId + "/deliveries");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().get("items");
    }

    /** A job of one do-nothing step on one node that nothing listens on (port 1): its runs fail within seconds. */
    long jobOnAnUnreachableNode(Supplier<String> ip) {
        long tenant = admin.post("/api/v1/tenants", JSON.createObjectNode().put("name", unique.apply("nt_tenant")).toString()).id();
        long pool = admin.post("/api/v1/node-pools", JSON.createObjectNode().put("name", unique.apply("nt_pool"))
                .put("tenantId", tenant).toString()).id();
        String address = ip.get();
        Api.Response node = admin.post("/api/v1/nodes", JSON.createObjectNode().put("ip", address).put("hostname", "nt-" + address)
                .put("sshPort", 1).put("nodePoolId", pool).toString());
        assertThat(node.status()).as(node.toString()).isEqualTo(201);
        ObjectNode shell = JSON.createObjectNode().put("name", unique.apply("nt_noop")).put("command", "true").put("dispatch", "ansible");
        shell.putArray("parameters");
        long shellId = admin.post("/api/v1/shells", shell.toString()).id();
        ObjectNode template = JSON.createObjectNode().put("name", unique.apply("nt_template"));
        template.putArray("steps").addObject().put("type", "script").put("shellId", shellId).putObject("params");
        long templateId = admin.post("/api/v1/templates", template.toString()).id();
        ObjectNode job = JSON.createObjectNode().put("name", unique.apply("nt_job")).put("failurePolicy", "STOP");
        job.putArray("items").addObject().put("templateId", templateId).putArray("targets").addObject()
                .put("type", "node").put("id", node.id());
        Api.Response created = admin.post("/api/v1/jobs", job.toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    long start(long jobId) {
        Api.Response run = admin.post("/api/v1/jobs/" + jobId + "/runs", "{}");
        assertThat(run.status()).as(run.toString()).isEqualTo(202);
        return run.id();
    }

    JsonNode awaitEnd(long runId, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode run = admin.get("/api/v1/runs/" + runId).json();
        while (!List.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED").contains(run.get("status").asString())
                && System.nanoTime() < deadline) {
            pause(100);
            run = admin.get("/api/v1/runs/" + runId).json();
        }
        return run;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
