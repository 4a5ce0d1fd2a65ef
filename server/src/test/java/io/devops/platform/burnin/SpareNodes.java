package io.devops.platform.burnin;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.acceptance.AcceptanceVerdicts;
import io.devops.platform.acceptance.Baselined;
import io.devops.platform.acceptance.CheckResult;
import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.acceptance.NodeAcceptanceConcluded;
import io.devops.platform.acceptance.NodeAcceptanceStarted;
import io.devops.platform.inventory.NodeRegistry;
import io.devops.platform.inventory.NodeRegistry.FactsSummary;
import io.devops.platform.support.Api;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;

/** Builds nodes of the spare pool in a lifecycle state and with a burn-in history, through the API and the modules' public API. */
final class SpareNodes {

    /** The checks of a STANDARD burn-in (DCGM at level 2). */
    static final List<String> STANDARD = List.of("gpu_inventory", "xid", "ecc", "row_remap", "dcgm_diag", "nccl_all_reduce",
            "nvbandwidth", "ib_write_bw");
    private static final AtomicLong RUNS = new AtomicLong(930_000_000L + System.nanoTime() % 1_000_000);

    private final Api admin;
    private final Supplier<String> uniqueIp;
    private final NodeRegistry registry;
    private final AcceptanceVerdicts verdicts;
    private final ApplicationEventPublisher events;

    SpareNodes(Api admin, Supplier<String> uniqueIp, NodeRegistry registry, AcceptanceVerdicts verdicts, ApplicationEventPublisher events) {
        this.admin = admin;
        this.uniqueIp = uniqueIp;
        this.registry = registry;
        this.verdicts = verdicts;
        this.events = events;
    }

    /** A new node of the spare pool: NEW. */
    long newNode() {
        Api.Response created = admin.post("/api/v1/nodes", "{\"ip\":\"" + uniqueIp.get() + "\",\"gpuType\":\"H100\",\"gpuCount\":8}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    /** A spare node that passed acceptance at {@code at} with these checks (only gpu_inventory: READY without any tier). */
    long readyNode(Instant at, List<String> passed) {
        long node = commissioned();
        judge(node, at, passed, CheckVerdict.PASS);
        assertThat(state(node)).isEqualTo("READY");
        return node;
    }

    /** A spare node whose acceptance failed: FAILED_TESTING. */
    long failedNode(Instant at) {
        long node = commissioned();
        judge(node, at, STANDARD, CheckVerdict.FAIL);
        assertThat(state(node)).isEqualTo("FAILED_TESTING");
        return node;
    }

    /** Another STANDARD burn-in of the node, passed at {@code at}. */
    void burntIn(long node, Instant at) {
        judge(node, at, STANDARD, CheckVerdict.PASS);
    }

    String ip(long node) {
        return admin.get("/api/v1/nodes/" + node).json().get("ip").asString();
    }

    String state(long node) {
        return admin.get("/api/v1/nodes/" + node).json().get("lifecycle").asString();
    }

    private long commissioned() {
        long node = newNode();
        registry.reportFacts(node, "{\"hostname\":\"gpu-node\",\"gpu\":{\"present\":true,\"model\":\"NVIDIA H100 80GB HBM3\",\"count\":8,"
                + "\"driverVersion\":\"550.54.15\"}}", new FactsSummary(null, null, null));
        Api.Response commissioned = admin.post("/api/v1/nodes/" + node + "/commission", "{}");
        assertThat(commissioned.json().get("lifecycle").asString()).as(commissioned.toString()).isEqualTo("TESTING");
        return node;
    }

    /** One acceptance run on the node at {@code at}: started, a verdict per check (DCGM at level 2), concluded. */
    private void judge(long node, Instant at, List<String> checks, CheckVerdict verdict) {
        long run = RUNS.incrementAndGet();
        events.publishEvent(new NodeAcceptanceStarted(node, run, at));
        for (String check : checks) {
            CheckResult result = CheckResult.measured(check, check.equals("gpu_inventory") ? CheckVerdict.PASS : verdict, 1.0, 1.0, "x",
                    check + " judged");
            verdicts.record(run, null, node, "127.0.0.1", Baselined.without(result), at, null, null, check.equals("dcgm_diag") ? 2 : null);
        }
        events.publishEvent(new NodeAcceptanceConcluded(node, run, verdict, "", at));
    }
}
