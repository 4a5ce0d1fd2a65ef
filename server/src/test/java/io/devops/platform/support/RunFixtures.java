package io.devops.platform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Test data for runs, through the real API: the SSH test nodes, scripts, templates and jobs. */
public final class RunFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Api api;
    private final TestNodes nodes;

    /** Fixtures on the shared SSH test nodes; the calling test is skipped where this machine cannot host them. */
    public static RunFixtures onTestNodes(Api api) {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestNodes.available(),
                "needs root, openssh-server and ansible-core: run scripts/test.sh");
        return new RunFixtures(api, TestNodes.shared());
    }

    public RunFixtures(Api api, TestNodes nodes) {
        this.api = api;
        this.nodes = nodes;
    }

    /**
     * The inventory ids of the SSH test nodes, registered on first use, unlocked, and in a pool
     * whose credential holds the nodes' key (so runs sign in through the credential vault).
     */
    public List<Long> testNodeIds() {
        long pool = testNodePool();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < TestNodes.COUNT; i++) {
            String ip = nodes.ip(i);
            JsonNode found = api.get("/api/v1/nodes?q=" + ip).json().get("items");
            long id = -1;
            for (JsonNode node : found) {
                if (node.get("ip").asString().equals(ip)) {
                    id = node.get("id").asLong();
                    if (node.get("sshPort").asInt() != TestNodes.PORT || node.get("locked").asBoolean()) {
                        api.post("/api/v1/nodes/" + id + "/unlock", "{}");
                        api.put("/api/v1/nodes/" + id, object().put("ip", ip).put("hostname", "test-node-" + i)
                                .put("sshPort", TestNodes.PORT).put("sshUser", "root").toString());
                    }
                }
            }
            if (id < 0) {
                id = created(api.post("/api/v1/nodes", object().put("ip", ip).put("hostname", "test-node-" + i)
                        .put("sshPort", TestNodes.PORT).put("sshUser", "root").put("nodePoolId", pool).toString())).get("id").asLong();
            } else {
                forgetHostKeyUnless(id, nodes.hostKeyFingerprint());
                deliverTo(id, pool);
            }
            ids.add(id);
        }
        return ids;
    }

    /**
     * The test nodes' pool is a tenant's, so a node that is elsewhere gets there by delivery: an
     * ADMIN's override, since the test nodes have no acceptance verdicts (a delivered one is released first).
     */
    private void deliverTo(long id, long pool) {
        JsonNode node = api.get("/api/v1/nodes/" + id).json();
        if (node.get("nodePoolId").asLong() == pool) {
            return;
        }
        if ("DELIVERED".equals(node.path("lifecycle").asString())) {
            long spare = api.get("/api/v1/node-pools?name=spare_nodepool").json().get("items").get(0).get("id").asLong();
            assertThat(api.post("/api/v1/node-pools/" + spare + "/nodes", "{\"nodeIds\":[" + id + "]}").status()).isEqualTo(200);
        }
        var delivered = api.post("/api/v1/nodes/" + id + "/deliver", object().put("nodePoolId", pool).put("override", true)
                .put("comment", "SSH test node").toString());
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
    }

    /**
     * The node at {@code ip}:{@code port} in the test nodes' pool, registered on first use; on a
     * database kept from an earlier test run, its recorded host key is forgotten: the next run meets
     * the node for the first time.
     */
    public long node(String ip, int port, String hostname) {
        long pool = testNodePool();
        JsonNode found = api.get("/api/v1/nodes?q=" + ip).json().get("items");
        long id = -1;
        for (JsonNode node : found) {
            if (node.get("ip").asString().equals(ip)) {
                id = node.get("id").asLong();
                api.post("/api/v1/nodes/" + id + "/unlock", "{}");
                forgetHostKeyUnless(id, null);
            }
        }
        ObjectNode body = object().put("ip", ip).put("hostname", hostname).put("sshPort", port).put("sshUser", "root")
                .put("nodePoolId", pool);
        if (id < 0) {
            return created(api.post("/api/v1/nodes", body.toString())).get("id").asLong();
        }
        deliverTo(id, pool);
        created(api.put("/api/v1/nodes/" + id, body.toString()));
        return id;
    }

    /**
     * Forgets the node's recorded host key unless it is {@code fingerprint}: the test nodes' key
     * files may have been made anew (a clean build) while a MariaDB test database kept the old key.
     */
    private void forgetHostKeyUnless(long id, String fingerprint) {
        JsonNode key = api.get("/api/v1/nodes/" + id).json().get("hostKey");
        if (key != null && !key.isNull() && !key.get("fingerprint").asString().equals(fingerprint)) {
            created(api.post("/api/v1/nodes/" + id + "/host-key/forget", "{}"));
        }
    }

    private long testNodePool() {
        JsonNode pools = api.get("/api/v1/node-pools?name=ssh_test_nodes").json().get("items");
        if (pools.size() > 0) {
            return pools.get(0).get("id").asLong();
        }
        long tenant = created(api.post("/api/v1/tenants", object().put("name", "ssh_test_tenant").toString())).get("id").asLong();
        long credential = created(api.post("/api/v1/credentials", object().put("name", "ssh_test_key").put("sshUser", "root")
                .put("privateKey", nodes.privateKey()).toString())).get("id").asLong();
        return created(api.post("/api/v1/node-pools", object().put("name", "ssh_test_nodes").put("tenantId", tenant)
                .put("credentialId", credential).toString())).get("id").asLong();
    }

    public long shell(String name, String command, String reportPath, String dispatch) {
        ObjectNode body = object().put("name", name).put("command", command).put("dispatch", dispatch);
        body.putArray("parameters");
        if (reportPath != null) {
            body.putArray("reports").add(reportPath);
        }
        return created(api.post("/api/v1/shells", body.toString())).get("id").asLong();
    }

    /**
     * A template of two script steps over SSH: the first fails on {@code ip} (exit 3, "broken on IP" on
     * stderr) while the file {@code flag} exists, the second does nothing.
     */
    public long failingWhileFlagged(String name, String ip, java.nio.file.Path flag) {
        long failing = shell(name + "-fail", "if [ \"$NODE_IP\" = " + ip + " ] && [ -f " + flag
                + " ]; then echo broken on $NODE_IP >&2; exit 3; fi", null, "ansible");
        long after = shell(name + "-after", "true", null, "ansible");
        return template(name, steps -> {
            scriptStep(steps, failing);
            scriptStep(steps, after);
        });
    }

    public long builtinOperator(String role) {
        long roleId = api.get("/api/v1/roles?name=" + role).json().get("items").get(0).get("id").asLong();
        ObjectNode body = object().put("roleId", roleId).put("pkgVersion", "1").put("description", role);
        body.putObject("values");
        return created(api.post("/api/v1/operators", body.toString())).get("id").asLong();
    }

    public long template(String name, Consumer<ArrayNode> steps) {
        ObjectNode body = object().put("name", name).put("description", "run test");
        steps.accept(body.putArray("steps"));
        return created(api.post("/api/v1/templates", body.toString())).get("id").asLong();
    }

    public static void operatorStep(ArrayNode steps, long operatorId) {
        steps.addObject().put("type", "operator").put("operatorId", operatorId);
    }

    public static void scriptStep(ArrayNode steps, long shellId) {
        ObjectNode step = steps.addObject().put("type", "script").put("shellId", shellId);
        step.putObject("params");
    }

    public long job(String name, String policy, long templateId, List<Long> nodeIds) {
        ObjectNode body = object().put("name", name).put("failurePolicy", policy);
        ObjectNode item = body.putArray("items").addObject().put("templateId", templateId);
        ArrayNode targets = item.putArray("targets");
        nodeIds.forEach(id -> targets.addObject().put("type", "node").put("id", id));
        return created(api.post("/api/v1/jobs", body.toString())).get("id").asLong();
    }

    public long start(long jobId) {
        Api.Response response = api.post("/api/v1/jobs/" + jobId + "/runs", "{}");
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        assertThat(response.json().get("status").asString()).isEqualTo("QUEUED");
        return response.id();
    }

    /** Polls the run until it has ended (or the deadline passes) and answers its detail. */
    public JsonNode awaitEnd(long runId, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode run = api.get("/api/v1/runs/" + runId).json();
        while (!isFinal(run.get("status").asString()) && System.nanoTime() < deadline) {
            pause(200);
            run = api.get("/api/v1/runs/" + runId).json();
        }
        return run;
    }

    public JsonNode awaitStatus(long runId, String status, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode run = api.get("/api/v1/runs/" + runId).json();
        while (!run.get("status").asString().equals(status) && System.nanoTime() < deadline) {
            pause(100);
            run = api.get("/api/v1/runs/" + runId).json();
        }
        return run;
    }

    public static boolean isFinal(String status) {
        return List.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED").contains(status);
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private static JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response.json();
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
