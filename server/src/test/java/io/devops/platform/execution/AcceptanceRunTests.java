package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.acceptance.NodeAcceptanceConcluded;
import io.devops.platform.acceptance.NodeAcceptanceStarted;
import io.devops.platform.shared.Sha256;
import io.devops.platform.support.AcceptanceTestNodes;
import io.devops.platform.support.AcceptanceTestNodes.Profile;
import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.HeardAcceptanceEvents;
import io.devops.platform.support.RunFixtures;
import io.devops.platform.support.TestNodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance suite end to end: the built-in "GPU acceptance checks" template (the gpu_acceptance
 * role, unchanged) through real ansible-playbook over SSH on thirteen test nodes that replay recorded
 * outputs (four healthy 8 x H100, eight with one fault each, one without dcgmi), in one run. Each
 * node's verdicts become its step result; the run's verdicts, the nodes' certificates and the
 * lifecycle's events follow.
 */
class AcceptanceRunTests extends ApiTest {

    static final List<Profile> PROFILES = AcceptanceTestNodes.FLEET;
    /** The check each faulty node must fail, by profile index. */
    static final Map<Integer, String> FAULTS = Map.of(4, "gpu_inventory", 5, "xid", 6, "row_remap", 7, "nvlink", 9, "ecc",
            10, "fabric_manager", 11, "pcie", 12, "nccl_all_reduce");
    static final int NO_DCGMI = 8;
    static final List<String> SINGLE_NODE = List.of("dcgm_diag", "ecc", "fabric_manager", "gpu_inventory", "nccl_all_reduce",
            "nvbandwidth", "nvlink", "pcie", "row_remap", "xid");

    @Autowired
    HeardAcceptanceEvents heard;

    @Test
    void eachNodesVerdictsBecomeItsStepResultAndItsCertificate() {
        assumeTrue(TestNodes.available(), "needs root, openssh-server and ansible-core: run scripts/test.sh");
        AcceptanceTestNodes testNodes = AcceptanceTestNodes.shared(PROFILES);
        RunFixtures fixtures = new RunFixtures(admin(), TestNodes.shared());
        List<Long> nodes = registerNodes(testNodes, fixtures);
        for (long id : nodes) {
            // Registered straight into a tenant's pool they read DELIVERED; maintenance takes them out for retesting.
            Api.Response out = admin().post("/api/v1/nodes/" + id + "/lifecycle", "{\"to\":\"MAINTENANCE\",\"reason\":\"retest\"}");
            assertThat(out.status()).as(out.toString()).isEqualTo(200);
        }
        long runId = fixtures.start(fixtures.job(unique("acceptance"), "CONTINUE", builtinTemplate("GPU acceptance checks"), nodes));
        JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(10)); // 13 nodes x 11 reports to fetch: slow on a loaded machine
        String log = admin().get("/api/v1/runs/" + runId + "/log").body();

        assertThat(run.get("status").asString()).as(log).isEqualTo("FAILED");
        Map<Long, JsonNode> hosts = new HashMap<>();
        run.get("items").get(0).get("steps").get(0).get("hosts").forEach(host -> hosts.put(host.get("nodeId").asLong(), host));
        JsonNode verdicts = admin().get("/api/v1/runs/" + runId + "/verdicts").json();
        for (int i = 0; i < testNodes.count(); i++) {
            long node = nodes.get(i);
            JsonNode host = hosts.get(node);
            Map<String, JsonNode> byCheck = verdictsOf(verdicts, node);
            assertThat(byCheck.keySet()).as("checks judged on " + testNodes.ip(i) + ": " + host + "\n" + log).containsExactlyInAnyOrderElementsOf(SINGLE_NODE);
            if (PROFILES.get(i).equals(Profile.of("h100-8-healthy"))) {
                assertThat(host.get("status").asString()).as(host + "\n" + log).isEqualTo("SUCCEEDED");
                byCheck.values().forEach(verdict -> assertThat(verdict.get("verdict").asString()).as(verdict.toString()).isEqualTo("PASS"));
                byCheck.values().forEach(verdict -> assertThat(verdict.get("reason").isNull()).as(verdict.toString()).isTrue());
            } else if (i == NO_DCGMI) {
                assertThat(host.get("status").asString()).isEqualTo("FAILED");
                assertThat(byCheck.get("dcgm_diag").get("verdict").asString()).isEqualTo("ERROR");
                assertThat(byCheck.get("dcgm_diag").get("message").asString()).contains("install datacenter-gpu-manager");
                assertThat(byCheck.get("dcgm_diag").get("reason").asString()).isEqualTo("COULD_NOT_RUN");
                assertThat(host.get("message").asString()).contains("acceptance dcgm_diag: ").contains("install");
            } else {
                String check = FAULTS.get(i);
                assertThat(host.get("status").asString()).as(host.toString()).isEqualTo("FAILED");
                assertThat(byCheck.get(check).get("verdict").asString()).as(byCheck.get(check).toString()).isEqualTo("FAIL");
                assertThat(byCheck.get(check).get("reason").asString()).isEqualTo(check.equals("nccl_all_reduce") ? "THRESHOLD" : "HARDWARE");
                assertThat(host.get("message").asString()).contains("acceptance " + check + ": "
                        + byCheck.get(check).get("message").asString());
                assertThat(byCheck.get(check).get("ip").asString()).isEqualTo(testNodes.ip(i));
            }
        }
        assertFaultMessages(verdicts, nodes);
        assertCertificates(runId, nodes);
        assertEvents(runId, nodes);
        assertLifecycleAndDelivery(runId, nodes);
        assertScoped(runId, nodes.get(0));
    }

    /**
     * The built-in "Burn-in quick" on one healthy node: the quick tier's checks only (no NCCL,
     * nvbandwidth, InfiniBand or stress), each passing with the wall time the role measured.
     */
    @Test
    void theQuickBurnInJudgesOnlyItsChecksEachWithItsWallTime() {
        assumeTrue(TestNodes.available(), "needs root, openssh-server and ansible-core: run scripts/test.sh");
        AcceptanceTestNodes testNodes = AcceptanceTestNodes.shared(PROFILES);
        RunFixtures fixtures = new RunFixtures(admin(), TestNodes.shared());
        long node = fixtures.node(testNodes.ip(0), testNodes.port(), "gpu-1");
        declareGpus(node, testNodes.ip(0), testNodes.port(), "gpu-1");
        assertThat(admin().post("/api/v1/nodes/" + node + "/lifecycle", "{\"to\":\"MAINTENANCE\",\"reason\":\"retest\"}").status())
                .isEqualTo(200);

        long runId = fixtures.start(fixtures.job(unique("burn-in"), "CONTINUE", builtinTemplate("Burn-in quick"), List.of(node)));
        JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(5));

        String log = admin().get("/api/v1/runs/" + runId + "/log").body();
        assertThat(run.get("status").asString()).as(log).isEqualTo("SUCCEEDED");
        Map<String, JsonNode> byCheck = verdictsOf(admin().get("/api/v1/runs/" + runId + "/verdicts").json(), node);
        assertThat(byCheck.keySet()).as(log).containsExactlyInAnyOrder("gpu_inventory", "pcie", "ecc", "row_remap", "xid", "nvlink",
                "fabric_manager", "dcgm_diag");
        byCheck.values().forEach(verdict -> {
            assertThat(verdict.get("verdict").asString()).as(verdict.toString()).isEqualTo("PASS");
            assertThat(verdict.get("wallMs").isIntegralNumber()).as(verdict.toString()).isTrue();
            assertThat(verdict.get("wallMs").asLong()).as(verdict.toString()).isBetween(0L, 60_000L);
        });
    }

    /**
     * The multi-node NCCL test (the built-in nccl_multi_test, a launcher step over the run's host list)
     * through the fake mpirun on groups of these nodes, each group in a run of its own after a
     * gpu_inventory-only acceptance step: the launcher's all_reduce_perf is judged once against the
     * line for the group's node count, and that verdict is every node's of the group. Two healthy
     * nodes pass and become READY; a healthy node grouped with the slow one fails with it, the
     * message naming the group and the 2-node line; three nodes, for which no run is recorded (the
     * fake mpirun fails), get no verdict but ERROR: a missing result never passes.
     */
    @Test
    void aMultiNodeGroupsVerdictIsEveryNodesOfTheGroup() {
        assumeTrue(TestNodes.available(), "needs root, openssh-server and ansible-core: run scripts/test.sh");
        AcceptanceTestNodes testNodes = AcceptanceTestNodes.shared(PROFILES);
        RunFixtures fixtures = new RunFixtures(admin(), TestNodes.shared());
        List<Long> nodes = registerNodes(testNodes, fixtures);
        long template = multiNodeTemplate(fixtures);
        List<Integer> healthy = List.of(1, 2);
        List<Integer> withSlow = List.of(3, 12); // 12 replays a slow node's part: the group runs at its pace
        List<Integer> unrecorded = List.of(5, 6, 7);
        Map<List<Integer>, Long> runs = new HashMap<>();
        for (List<Integer> group : List.of(healthy, withSlow, unrecorded)) {
            group.forEach(i -> assertThat(admin().post("/api/v1/nodes/" + nodes.get(i) + "/lifecycle",
                    "{\"to\":\"MAINTENANCE\",\"reason\":\"retest\"}").status()).isEqualTo(200));
            runs.put(group, fixtures.start(fixtures.job(unique("multi-node"), "CONTINUE", template, group.stream().map(nodes::get).toList())));
        }
        runs.values().forEach(runId -> fixtures.awaitEnd(runId, Duration.ofMinutes(5)));

        List<JsonNode> passed = groupOutcome(runs.get(healthy), healthy, nodes, "SUCCEEDED", "PASS");
        passed.forEach(verdict -> assertThat(verdict.get("message").asString())
                .startsWith("group of 2 nodes (127.0.9.2, 127.0.9.3), run from the launcher 127.0.9.2: ")
                .contains("361.84 GB/s busbw at 16 GiB on 16 x NVIDIA H100 80GB HBM3 reaches the line of 340.00 GB/s (8 x H100, 2 nodes over IB)"));
        healthy.forEach(i -> assertThat(concludedMove(nodes.get(i), runs.get(healthy)).get("to").asString()).isEqualTo("READY"));

        List<JsonNode> failed = groupOutcome(runs.get(withSlow), withSlow, nodes, "FAILED", "FAIL");
        String line = "261.33 GB/s busbw at 16 GiB on 16 x NVIDIA H100 80GB HBM3 is below the line of 340.00 GB/s (8 x H100, 2 nodes over IB)";
        failed.forEach(verdict -> assertThat(verdict.get("message").asString())
                .startsWith("group of 2 nodes (127.0.9.4, 127.0.9.13), run from the launcher 127.0.9.4: ").contains(line));
        for (int i : withSlow) {
            JsonNode host = hostOf(runs.get(withSlow), nodes.get(i));
            assertThat(host.get("message").asString()).as(host.toString()).contains("acceptance nccl_all_reduce_multi: group of 2 nodes")
                    .contains(line);
            assertThat(concludedMove(nodes.get(i), runs.get(withSlow)).get("reason").asString()).contains("nccl_all_reduce_multi FAIL: ");
        }

        JsonNode none = admin().get("/api/v1/runs/" + runs.get(unrecorded) + "/verdicts").json();
        none.forEach(verdict -> assertThat(verdict.get("verdict").asString()).as(verdict.toString())
                .isIn(verdict.get("check").asString().equals("gpu_inventory") ? List.of("PASS") : List.of("ERROR")));
        for (int i : unrecorded) {
            assertThat(hostOf(runs.get(unrecorded), nodes.get(i)).get("status").asString()).isEqualTo("FAILED");
            JsonNode move = concludedMove(nodes.get(i), runs.get(unrecorded));
            assertThat(move.get("to").asString()).isEqualTo("FAILED_TESTING");
            assertThat(move.get("reason").asString()).contains("acceptance run " + runs.get(unrecorded) + ": ERROR");
        }
    }

    /**
     * The run's status, each node's verdicts (gpu_inventory PASS, and the group's nccl_all_reduce_multi),
     * the same group verdict on every node; answers the group's verdicts.
     */
    private List<JsonNode> groupOutcome(long runId, List<Integer> group, List<Long> nodes, String status, String verdict) {
        JsonNode run = admin().get("/api/v1/runs/" + runId).json();
        String log = admin().get("/api/v1/runs/" + runId + "/log").body();
        assertThat(run.get("status").asString()).as(log).isEqualTo(status);
        JsonNode verdicts = admin().get("/api/v1/runs/" + runId + "/verdicts").json();
        List<JsonNode> multi = new ArrayList<>();
        for (int i : group) {
            Map<String, JsonNode> byCheck = verdictsOf(verdicts, nodes.get(i));
            assertThat(byCheck.keySet()).as(verdicts + "\n" + log).containsExactlyInAnyOrder("gpu_inventory", "nccl_all_reduce_multi");
            assertThat(byCheck.get("gpu_inventory").get("verdict").asString()).isEqualTo("PASS");
            assertThat(byCheck.get("nccl_all_reduce_multi").get("verdict").asString()).as(log).isEqualTo(verdict);
            assertThat(byCheck.get("nccl_all_reduce_multi").get("threshold").asDouble()).isEqualTo(340.0);
            multi.add(byCheck.get("nccl_all_reduce_multi"));
        }
        assertThat(multi.stream().map(node -> node.get("message").asString()).distinct()).hasSize(1);
        return multi;
    }

    private JsonNode hostOf(long runId, long nodeId) {
        JsonNode steps = admin().get("/api/v1/runs/" + runId).json().get("items").get(0).get("steps");
        for (JsonNode host : steps.get(steps.size() - 1).get("hosts")) {
            if (host.get("nodeId").asLong() == nodeId) {
                return host;
            }
        }
        throw new AssertionError("no host " + nodeId + " in " + steps);
    }

    /** The gpu_acceptance role with gpu_inventory only (READY needs it), then the built-in multi-node NCCL test. */
    private long multiNodeTemplate(RunFixtures fixtures) {
        long role = admin().get("/api/v1/roles?name=gpu_acceptance").json().get("items").get(0).get("id").asLong();
        var values = RunFixtures.object();
        for (String check : List.of("pcie", "ecc", "row_remap", "xid", "nvlink", "fabric_manager", "dcgm_diag", "nvbandwidth",
                "nccl_all_reduce", "ib_write_bw")) {
            values.put("gpu_acceptance_" + check, false);
        }
        var body = RunFixtures.object().put("roleId", role).put("pkgVersion", unique("inventory")).put("description", "inventory only");
        body.set("values", values);
        Api.Response operator = admin().post("/api/v1/operators", body.toString());
        assertThat(operator.status()).as(operator.toString()).isEqualTo(201);
        long shell = admin().get("/api/v1/shells?name=nccl_multi_test").json().get("items").get(0).get("id").asLong();
        return fixtures.template(unique("multi-node acceptance"), steps -> {
            RunFixtures.operatorStep(steps, operator.id());
            RunFixtures.scriptStep(steps, shell);
        });
    }

    /**
     * After the run exactly the healthy nodes are READY and deliverable; each faulty one is
     * FAILED_TESTING with its check's failure, refused delivery with 409, and delivered only by an
     * ADMIN's override with a comment, which the audit trail and the node keep.
     */
    private void assertLifecycleAndDelivery(long runId, List<Long> nodes) {
        long tenant = admin().post("/api/v1/tenants", "{\"name\":\"" + unique("customer") + "\"}").id();
        long pool = admin().post("/api/v1/node-pools", "{\"name\":\"" + unique("customer_pool") + "\",\"tenantId\":" + tenant + "}").id();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode last = concludedMove(nodes.get(i), runId);
            JsonNode node = admin().get("/api/v1/nodes/" + nodes.get(i)).json();
            if (PROFILES.get(i).equals(Profile.of("h100-8-healthy"))) {
                assertThat(node.get("lifecycle").asString()).as(node.toString()).isEqualTo("READY");
                assertThat(node.get("acceptance").get("verdict").asString()).isEqualTo("PASS");
            } else {
                assertThat(node.get("lifecycle").asString()).as(node.toString()).isEqualTo("FAILED_TESTING");
                assertThat(last.get("reason").asString()).contains(i == NO_DCGMI ? "dcgm_diag" : FAULTS.get(i));
            }
        }
        Api.Response delivered = admin().post("/api/v1/nodes/" + nodes.get(0) + "/deliver", "{\"nodePoolId\":" + pool + "}");
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        assertThat(delivered.json().get("lifecycle").asString()).isEqualTo("DELIVERED");

        long faulty = nodes.get(5);
        Api.Response refused = admin().post("/api/v1/nodes/" + faulty + "/deliver", "{\"nodePoolId\":" + pool + "}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body()).contains("FAILED_TESTING");
        Api.Response overridden = admin().post("/api/v1/nodes/" + faulty + "/deliver", "{\"nodePoolId\":" + pool
                + ",\"override\":true,\"comment\":\"customer takes the node for CPU work\"}");
        assertThat(overridden.status()).as(overridden.toString()).isEqualTo(200);
        assertThat(admin().get("/api/v1/nodes/" + faulty).json().get("deliveryOverride").get("comment").asString())
                .contains("customer takes the node for CPU work");
        assertThat(admin().get("/api/v1/audit-events?entityType=node&entityId=" + faulty + "&size=100").body())
                .contains("node.delivery-overridden");
    }

    /** The node's move that concluded the run: the conclusion follows the run's end, so it may come a moment later. */
    private JsonNode concludedMove(long nodeId, long runId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode history = admin().get("/api/v1/nodes/" + nodeId + "/lifecycle").json();
        while (!concludes(history.get(history.size() - 1), runId) && System.nanoTime() < deadline) {
            sleep();
            history = admin().get("/api/v1/nodes/" + nodeId + "/lifecycle").json();
        }
        JsonNode last = history.get(history.size() - 1);
        assertThat(concludes(last, runId)).as("node " + nodeId + " history " + history).isTrue();
        return last;
    }

    private static boolean concludes(JsonNode move, long runId) {
        return move.get("runId").asLong() == runId && List.of("READY", "FAILED_TESTING").contains(move.get("to").asString());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What each fault is called, in the words an operator acts on. */
    private static void assertFaultMessages(JsonNode verdicts, List<Long> nodes) {
        assertThat(verdictsOf(verdicts, nodes.get(4)).get("gpu_inventory").get("message").asString()).contains("7");
        assertThat(verdictsOf(verdicts, nodes.get(5)).get("xid").get("message").asString()).contains("79");
        assertThat(verdictsOf(verdicts, nodes.get(6)).get("row_remap").get("message").asString().toLowerCase()).contains("pending");
        assertThat(verdictsOf(verdicts, nodes.get(7)).get("nvlink").get("message").asString().toLowerCase()).contains("inactive");
        assertThat(verdictsOf(verdicts, nodes.get(9)).get("ecc").get("message").asString()).contains("Uncorrectable = 2");
        assertThat(verdictsOf(verdicts, nodes.get(10)).get("fabric_manager").get("message").asString())
                .contains("Fabric Manager 535.161.08 does not match driver 535.183.01");
        assertThat(verdictsOf(verdicts, nodes.get(11)).get("pcie").get("message").asString()).contains("at x8 of x16");
        assertThat(verdictsOf(verdicts, nodes.get(12)).get("nccl_all_reduce").get("message").asString()).contains("below the line");
    }

    private void assertCertificates(long runId, List<Long> nodes) {
        JsonNode healthy = admin().get("/api/v1/nodes/" + nodes.get(0) + "/acceptance").json();
        assertThat(healthy.get("nodeId").asLong()).isEqualTo(nodes.get(0));
        assertThat(healthy.get("checks").size()).isEqualTo(SINGLE_NODE.size());
        healthy.get("checks").forEach(check -> {
            assertThat(check.get("verdict").asString()).isEqualTo("PASS");
            assertThat(check.get("runId").asLong()).isEqualTo(runId);
            assertThat(check.get("at").asString()).isNotBlank();
        });
        JsonNode nccl = find(healthy.get("checks"), "nccl_all_reduce");
        assertThat(nccl.get("measured").asDouble()).isGreaterThanOrEqualTo(nccl.get("threshold").asDouble());
        assertThat(nccl.get("unit").asString()).isNotBlank();
        JsonNode report = find(admin().get("/api/v1/runs/" + runId + "/reports").json(), nodes.get(0), "acceptance/nccl_all_reduce.txt");
        assertThat(nccl.get("outputSha256").asString()).as("the sha256 of the report as the platform keeps it")
                .isEqualTo(Sha256.hex(report.get("content").asString()));

        Api.Response markdown = admin().header("Accept", "text/markdown").get("/api/v1/nodes/" + nodes.get(7) + "/acceptance");
        assertThat(markdown.status()).isEqualTo(200);
        assertThat(markdown.contentType()).startsWith("text/markdown");
        JsonNode nvlink = find(admin().get("/api/v1/nodes/" + nodes.get(7) + "/acceptance").json().get("checks"), "nvlink");
        assertThat(markdown.body()).contains("# Acceptance certificate: gpu-8 (127.0.9.8)")
                .contains("| GPUs | 8 x NVIDIA H100 80GB HBM3 |")
                .contains("| Verdict | FAIL")
                .contains("| nvlink | FAIL (HARDWARE) | ")
                .contains(nvlink.get("message").asString().replace("|", "\\|"))
                .contains("| " + runId + " | ");
        String passing = admin().header("Accept", "text/markdown").get("/api/v1/nodes/" + nodes.get(0) + "/acceptance").body();
        assertThat(passing).contains("| Verdict | PASS (10 checks) |").contains("| nccl_all_reduce | PASS | ");
    }

    private void assertEvents(long runId, List<Long> nodes) {
        Map<Long, NodeAcceptanceConcluded> concluded = new HashMap<>();
        List<Long> started = new ArrayList<>();
        heard.all().forEach(event -> {
            if (event instanceof NodeAcceptanceStarted start && start.runId() == runId) {
                started.add(start.nodeId());
            } else if (event instanceof NodeAcceptanceConcluded end && end.runId() == runId) {
                concluded.put(end.nodeId(), end);
            }
        });
        assertThat(started).containsExactlyInAnyOrderElementsOf(nodes);
        assertThat(concluded.keySet()).containsExactlyInAnyOrderElementsOf(nodes);
        for (int i = 0; i < nodes.size(); i++) {
            NodeAcceptanceConcluded end = concluded.get(nodes.get(i));
            if (PROFILES.get(i).equals(Profile.of("h100-8-healthy"))) {
                assertThat(end.verdict()).isEqualTo(CheckVerdict.PASS);
                assertThat(end.reason()).isEqualTo("10 check(s) passed");
            } else if (i == NO_DCGMI) {
                assertThat(end.verdict()).isEqualTo(CheckVerdict.ERROR);
                assertThat(end.reason()).contains("dcgm_diag ERROR: ");
            } else {
                assertThat(end.verdict()).as(end.toString()).isIn(CheckVerdict.FAIL, CheckVerdict.ERROR);
                assertThat(end.reason()).contains(FAULTS.get(i) + " FAIL: ");
            }
        }
    }

    /** Another tenant's user finds neither the run's verdicts nor the node's certificate: 404, as for a missing id. */
    private void assertScoped(long runId, long nodeId) {
        long tenant = admin().post("/api/v1/tenants", "{\"name\":\"" + unique("other") + "\"}").id();
        String user = unique("outsider");
        Api.Response created = admin().post("/api/v1/users", "{\"username\":\"" + user
                + "\",\"password\":\"outsider-password-1234\",\"role\":null,\"tenantRoles\":[{\"tenantId\":" + tenant
                + ",\"role\":\"OPERATOR\"}]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api outsider = anonymous().basic(user, "outsider-password-1234");
        assertThat(outsider.get("/api/v1/runs/" + runId + "/verdicts").status()).isEqualTo(404);
        assertThat(outsider.get("/api/v1/nodes/" + nodeId + "/acceptance").status()).isEqualTo(404);
        assertThat(outsider.header("Accept", "text/markdown").get("/api/v1/nodes/" + nodeId + "/acceptance").status()).isEqualTo(404);
        assertThat(outsider.get("/api/v1/nodes/" + nodeId + "/acceptance").body())
                .isEqualTo(outsider.get("/api/v1/nodes/99999999/acceptance").body().replace("99999999", String.valueOf(nodeId)));
    }

    /** Each acceptance test node, registered (or found again) with the GPUs its profile declares; in node order. */
    private List<Long> registerNodes(AcceptanceTestNodes testNodes, RunFixtures fixtures) {
        List<Long> nodes = new ArrayList<>();
        for (int i = 0; i < testNodes.count(); i++) {
            long id = fixtures.node(testNodes.ip(i), testNodes.port(), "gpu-" + (i + 1));
            declareGpus(id, testNodes.ip(i), testNodes.port(), "gpu-" + (i + 1));
            nodes.add(id);
        }
        return nodes;
    }

    private void declareGpus(long id, String ip, int port, String hostname) {
        JsonNode node = admin().get("/api/v1/nodes/" + id).json();
        Api.Response updated = admin().put("/api/v1/nodes/" + id, RunFixtures.object().put("ip", ip).put("hostname", hostname)
                .put("sshPort", port).put("sshUser", "root").put("nodePoolId", node.get("nodePoolId").asLong())
                .put("gpuType", "NVIDIA H100 80GB HBM3").put("gpuCount", 8).toString());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    }

    private static Map<String, JsonNode> verdictsOf(JsonNode verdicts, long nodeId) {
        Map<String, JsonNode> byCheck = new HashMap<>();
        verdicts.forEach(verdict -> {
            if (verdict.get("nodeId").asLong() == nodeId) {
                assertThat(byCheck.put(verdict.get("check").asString(), verdict)).as("one verdict per check").isNull();
            }
        });
        return byCheck;
    }

    private static JsonNode find(JsonNode checks, String name) {
        for (JsonNode check : checks) {
            if (check.get("check").asString().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + checks);
    }

    /** The report of {@code nodeId} whose path ends in {@code path}. */
    private static JsonNode find(JsonNode reports, long nodeId, String path) {
        for (JsonNode report : reports) {
            if (report.get("nodeId").asLong() == nodeId && report.get("path").asString().endsWith(path)) {
                return report;
            }
        }
        throw new AssertionError("no report " + path + " of node " + nodeId);
    }

    private long builtinTemplate(String name) {
        JsonNode items = admin().get("/api/v1/templates?size=100&name=" + name.replace(" ", "%20")).json().get("items");
        long found = -1;
        for (JsonNode item : items) {
            if (item.get("name").asString().equals(name)) {
                found = found < 0 ? item.get("id").asLong() : Math.min(found, item.get("id").asLong());
            }
        }
        assertThat(found).as("the built-in template " + name + " in " + items).isPositive();
        return found;
    }
}
