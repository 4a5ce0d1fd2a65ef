package io.devops.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.acceptance.AcceptanceVerdicts;
import io.devops.platform.acceptance.Baselined;
import io.devops.platform.acceptance.CheckResult;
import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.inventory.NodeRegistry;
import io.devops.platform.inventory.NodeRegistry.FactsSummary;
import io.devops.platform.support.Api;
import io.devops.platform.acceptance.NodeAcceptanceConcluded;
import io.devops.platform.acceptance.NodeAcceptanceStarted;
import java.time.Instant;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builders for lifecycle tests, through the real API (nodes, pools, users) and the modules' public API (facts, verdicts). */
final class LifecycleWorld {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String H100 = "NVIDIA H100 80GB HBM3";

    private final Api admin;
    private final Function<String, String> unique;
    private final Supplier<String> uniqueIp;
    private final NodeRegistry registry;
    private final AcceptanceVerdicts verdicts;
    private final ApplicationEventPublisher events;

    LifecycleWorld(Api admin, Function<String, String> unique, Supplier<String> uniqueIp, NodeRegistry registry,
                   AcceptanceVerdicts verdicts, ApplicationEventPublisher events) {
        this.admin = admin;
        this.unique = unique;
        this.uniqueIp = uniqueIp;
        this.registry = registry;
        this.verdicts = verdicts;
        this.events = events;
    }

    /** A node with the facts of an 8 x H100 node, commissioned against {@code pool}: TESTING. */
    long testingNode(long pool) {
        long node = spareNode();
        report(node, facts(H100, 8, 8, "550.54.15"));
        Api.Response commissioned = admin.post("/api/v1/nodes/" + node + "/commission", "{\"nodePoolId\":" + pool + "}");
        assertThat(commissioned.json().get("lifecycle").asString()).as(commissioned.toString()).isEqualTo("TESTING");
        return node;
    }

    /**
     * A testing node through acceptance run {@code run}: started, these results recorded at {@code at}
     * (each judged from a report with the sha256 given beside it, null for none), concluded with the
     * worst of them. READY when they pass and include gpu_inventory; FAILED_TESTING otherwise.
     */
    void judge(long node, long run, Instant at, Map<CheckResult, String> results) {
        judge(node, run, at, results, null);
    }

    /** As {@link #judge(long, long, Instant, Map)}, the DCGM diagnostic's report saying it ran at {@code dcgmLevel}. */
    void judge(long node, long run, Instant at, Map<CheckResult, String> results, Integer dcgmLevel) {
        events.publishEvent(new NodeAcceptanceStarted(node, run, at));
        results.forEach((result, sha256) -> verdicts.record(run, null, node, "127.0.0.1", Baselined.without(result), at, sha256,
                null, result.check().equals("dcgm_diag") ? dcgmLevel : null));
        CheckVerdict worst = results.keySet().stream().map(CheckResult::verdict).reduce(CheckVerdict.PASS, CheckVerdict::worse);
        events.publishEvent(new NodeAcceptanceConcluded(node, run, worst, "", at));
    }

    long tenant() {
        return created(admin.post("/api/v1/tenants", JSON.createObjectNode().put("name", unique.apply("tenant")).toString()));
    }

    /** A tenant's pool with this spec (null: none). */
    long pool(long tenant, ObjectNode spec) {
        ObjectNode body = JSON.createObjectNode().put("name", unique.apply("pool")).put("tenantId", tenant);
        if (spec != null) {
            body.set("spec", spec);
        }
        return created(admin.post("/api/v1/node-pools", body.toString()));
    }

    static ObjectNode h100Spec() {
        return JSON.createObjectNode().put("gpuModel", "H100").put("gpuCount", 8).put("nicCount", 8).put("nicLinkRateGbps", 400)
                .put("driverVersion", "550.54.15").put("cudaVersion", "12.4").put("acceptanceMaxAgeDays", 7);
    }

    /** A node in the spare pool: NEW. */
    long spareNode() {
        return created(admin.post("/api/v1/nodes", JSON.createObjectNode().put("ip", uniqueIp.get()).toString()));
    }

    String ip(long node) {
        return admin.get("/api/v1/nodes/" + node).json().get("ip").asString();
    }

    /** What an agent on an 8-GPU H100 node with 8 NDR HCAs reports; {@code gpus} and {@code hcas} vary it. */
    static ObjectNode facts(String model, int gpus, int hcas, String driver) {
        ObjectNode facts = JSON.createObjectNode().put("hostname", "gpu-node");
        facts.putObject("gpu").put("present", gpus > 0).put("model", model).put("count", gpus).put("driverVersion", driver)
                .put("cudaVersion", "12.4");
        ArrayNode ib = facts.putArray("infiniband");
        for (int i = 0; i < hcas; i++) {
            ib.addObject().put("name", "mlx5_" + i).putArray("ports").addObject().put("port", "1").put("state", "4: ACTIVE")
                    .put("rate", "400 Gb/sec (4X NDR)");
        }
        return facts;
    }

    void report(long node, ObjectNode facts) {
        registry.reportFacts(node, facts.toString(), new FactsSummary(null, null, null));
    }

    /** A measured verdict (THRESHOLD when it is not PASS). */
    void verdict(long node, long runId, String check, CheckVerdict verdict, Instant at) {
        verdicts.record(runId, null, node, "127.0.0.1", CheckResult.measured(check, verdict, 1.0, 1.0, "x",
                check + " " + verdict.name().toLowerCase()), at);
    }

    /** A user of the operations team with a global role. */
    Api global(String role) {
        String username = unique.apply("ops");
        String password = "pw-" + unique.apply("secret") + "-Long";
        assertThat(admin.post("/api/v1/users", """
                {"username":"%s","password":"%s","role":"%s"}""".formatted(username, password, role)).status()).isEqualTo(201);
        return admin.basic(username, password);
    }

    /** A tenant user (no global role) with {@code role} in {@code tenant}. */
    Api member(long tenant, String role) {
        String username = unique.apply("member");
        String password = "pw-" + unique.apply("secret") + "-Long";
        var created = admin.post("/api/v1/users", """
                {"username":"%s","password":"%s","role":null,"tenantRoles":[{"tenantId":%d,"role":"%s"}]}"""
                .formatted(username, password, tenant, role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return admin.basic(username, password);
    }

    static long created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response.id();
    }
}
