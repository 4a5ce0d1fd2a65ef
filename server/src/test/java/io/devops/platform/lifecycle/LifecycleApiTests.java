package io.devops.platform.lifecycle;

import static io.devops.platform.lifecycle.LifecycleWorld.JSON;
import static io.devops.platform.lifecycle.LifecycleWorld.facts;
import static io.devops.platform.lifecycle.LifecycleWorld.h100Spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.acceptance.NodeAcceptanceConcluded;
import io.devops.platform.acceptance.NodeAcceptanceStarted;
import io.devops.platform.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The node lifecycle through the real API: commissioning, the acceptance events, delivery and its gate, release. */
class LifecycleApiTests extends LifecycleWorldTest {

    private static final AtomicLong RUNS = new AtomicLong(900_000_000L + System.nanoTime() % 1_000_000);
    private static final String H100 = "NVIDIA H100 80GB HBM3";

    @Test
    void aNewNodeIsNewWithoutAcceptanceAndItsHistoryIsEmpty() {
        long node = world.spareNode();

        JsonNode shown = admin().get("/api/v1/nodes/" + node).json();

        assertThat(shown.get("lifecycle").asString()).isEqualTo("NEW");
        assertThat(shown.get("acceptance").get("verdict").isNull()).isTrue();
        assertThat(shown.get("acceptance").get("runId").isNull()).isTrue();
        assertThat(admin().get("/api/v1/nodes/" + node + "/lifecycle").json().size()).isZero();
    }

    @Test
    void commissioningANodeWhoseFactsMatchThePoolSpecTakesItToTesting() {
        long pool = world.pool(world.tenant(), h100Spec());
        long node = world.spareNode();
        world.report(node, facts(H100, 8, 8, "550.54.15"));

        JsonNode outcome = commission(node, pool);

        assertThat(outcome.get("passed").asBoolean()).as(outcome.toString()).isTrue();
        assertThat(outcome.get("lifecycle").asString()).isEqualTo("TESTING");
        JsonNode history = admin().get("/api/v1/nodes/" + node + "/lifecycle").json();
        assertThat(states(history)).containsExactly("NEW>COMMISSIONING", "COMMISSIONING>TESTING");
        assertThat(history.get(1).get("actor").asString()).isEqualTo("admin");
        assertThat(history.get(1).get("at").asString()).isNotBlank();
    }

    @Test
    void commissioningSpellsOutEveryDifferenceFromTheSpecAndFailsTheNode() {
        long pool = world.pool(world.tenant(), h100Spec());
        long node = world.spareNode();
        var facts = facts("NVIDIA A100-SXM4-80GB", 7, 7, "550.54.15");
        ((tools.jackson.databind.node.ObjectNode) facts.get("infiniband").get(3).get("ports").get(0)).put("rate", "200 Gb/sec (4X HDR)");
        world.report(node, facts);

        JsonNode outcome = commission(node, pool);

        assertThat(outcome.get("passed").asBoolean()).isFalse();
        assertThat(outcome.get("lifecycle").asString()).isEqualTo("FAILED_TESTING");
        assertThat(texts(outcome.get("differences"))).containsExactly("7 of 8 GPUs",
                "model NVIDIA A100-SXM4-80GB where the pool wants H100", "NIC count 7, spec 8", "NIC mlx5_3 at 200 Gb/s, spec 400 Gb/s");
        JsonNode last = last(admin().get("/api/v1/nodes/" + node + "/lifecycle").json());
        assertThat(last.get("to").asString()).isEqualTo("FAILED_TESTING");
        assertThat(last.get("reason").asString()).contains("7 of 8 GPUs").contains("NIC count 7, spec 8");
    }

    @Test
    void aNodeWithoutFactsFailsCommissioningWithTheReasonNeverPasses() {
        long pool = world.pool(world.tenant(), h100Spec());
        long node = world.spareNode();

        JsonNode outcome = commission(node, pool);

        assertThat(outcome.get("lifecycle").asString()).isEqualTo("FAILED_TESTING");
        assertThat(texts(outcome.get("differences"))).singleElement().asString().contains("no facts");
    }

    @Test
    void withoutASpecCommissioningComparesTheFactsWithTheNodesDeclaredGpusAndWithNothingDeclaredItFails() {
        long declared = created(admin().post("/api/v1/nodes", JSON.createObjectNode().put("ip", uniqueIp()).put("gpuType", "H100")
                .put("gpuCount", 8).toString()));
        world.report(declared, facts(H100, 8, 0, "550.54.15"));
        long undeclared = world.spareNode();
        world.report(undeclared, facts(H100, 8, 0, "550.54.15"));
        long emptyHanded = created(admin().post("/api/v1/nodes", JSON.createObjectNode().put("ip", uniqueIp()).put("gpuType", "H100")
                .put("gpuCount", 8).toString()));
        world.report(emptyHanded, facts(H100, 0, 0, "550.54.15"));

        Api.Response matched = admin().post("/api/v1/nodes/" + declared + "/commission", "{}");
        Api.Response nothing = admin().post("/api/v1/nodes/" + undeclared + "/commission", "{}");
        Api.Response noGpu = admin().post("/api/v1/nodes/" + emptyHanded + "/commission", "{}");

        assertThat(matched.json().get("lifecycle").asString()).as(matched.toString()).isEqualTo("TESTING");
        assertThat(nothing.json().get("lifecycle").asString()).isEqualTo("FAILED_TESTING");
        assertThat(texts(nothing.json().get("differences"))).singleElement().asString().contains("nothing to compare with");
        assertThat(noGpu.json().get("lifecycle").asString()).isEqualTo("FAILED_TESTING");
        assertThat(texts(noGpu.json().get("differences"))).contains("0 of 8 GPUs");
    }

    @Test
    void acceptanceEventsMoveTheNodeToTestingThenReadyOrFailedTestingWithTheRunAndReason() {
        long pool = world.pool(world.tenant(), h100Spec());
        long good = testingNode(pool);
        long bad = testingNode(pool);
        long run = RUNS.incrementAndGet();

        events.publishEvent(new NodeAcceptanceStarted(good, run, Instant.now()));
        events.publishEvent(new NodeAcceptanceStarted(bad, run, Instant.now()));
        world.verdict(good, run, "gpu_inventory", CheckVerdict.PASS, Instant.now());
        events.publishEvent(new NodeAcceptanceConcluded(good, run, CheckVerdict.WARN, "", Instant.now()));
        events.publishEvent(new NodeAcceptanceConcluded(bad, run, CheckVerdict.FAIL, "xid: XID 79 on GPU 3 (fallen off the bus)",
                Instant.now()));

        JsonNode goodLast = last(admin().get("/api/v1/nodes/" + good + "/lifecycle").json());
        assertThat(goodLast.get("to").asString()).isEqualTo("READY");
        assertThat(goodLast.get("runId").asLong()).isEqualTo(run);
        JsonNode badLast = last(admin().get("/api/v1/nodes/" + bad + "/lifecycle").json());
        assertThat(badLast.get("to").asString()).isEqualTo("FAILED_TESTING");
        assertThat(badLast.get("runId").asLong()).isEqualTo(run);
        assertThat(badLast.get("reason").asString()).contains("XID 79 on GPU 3");
        assertThat(admin().get("/api/v1/nodes/" + bad).json().get("lifecycle").asString()).isEqualTo("FAILED_TESTING");
    }

    @Test
    void aNewNodeIsCommissionedWhenItsAcceptanceStartsAndIsReadyOnlyWithAPassingGpuInventory() {
        long node = world.spareNode();
        long run = RUNS.incrementAndGet();

        events.publishEvent(new NodeAcceptanceStarted(node, run, Instant.now()));
        assertThat(admin().get("/api/v1/nodes/" + node).json().get("lifecycle").asString()).isEqualTo("TESTING");
        world.verdict(node, run, "gpu_inventory", CheckVerdict.PASS, Instant.now());
        events.publishEvent(new NodeAcceptanceConcluded(node, run, CheckVerdict.PASS, "", Instant.now()));

        JsonNode history = admin().get("/api/v1/nodes/" + node + "/lifecycle").json();
        assertThat(texts(history, "to")).containsExactly("COMMISSIONING", "TESTING", "READY");
        assertThat(history.get(1).get("reason").asString()).contains("no agent facts, its gpu_inventory check compares the GPUs");
    }

    @Test
    void aPassingRunThatNeverComparedTheGpusWithTheInventoryLeavesTheNodeFailedTesting() {
        long node = world.spareNode();
        long run = RUNS.incrementAndGet();

        events.publishEvent(new NodeAcceptanceStarted(node, run, Instant.now()));
        world.verdict(node, run, "nccl_all_reduce", CheckVerdict.PASS, Instant.now());
        events.publishEvent(new NodeAcceptanceConcluded(node, run, CheckVerdict.PASS, "", Instant.now()));

        JsonNode last = last(admin().get("/api/v1/nodes/" + node + "/lifecycle").json());
        assertThat(last.get("to").asString()).isEqualTo("FAILED_TESTING");
        assertThat(last.get("reason").asString()).contains("no passing gpu_inventory verdict in this run");
    }

    @Test
    void theNodeShowsTheWorstOfItsLatestVerdictPerCheck() {
        long node = world.spareNode();
        long first = RUNS.incrementAndGet();
        long second = RUNS.incrementAndGet();
        Instant earlier = Instant.now().minusSeconds(600);
        Instant later = Instant.now().minusSeconds(60);
        world.verdict(node, first, "nvlink", CheckVerdict.FAIL, earlier);
        world.verdict(node, first, "ecc", CheckVerdict.PASS, earlier);
        world.verdict(node, second, "nvlink", CheckVerdict.PASS, later);
        world.verdict(node, second, "pcie", CheckVerdict.WARN, later);

        JsonNode acceptance = admin().get("/api/v1/nodes/" + node).json().get("acceptance");

        assertThat(acceptance.get("verdict").asString()).isEqualTo("WARN");
        assertThat(acceptance.get("runId").asLong()).isEqualTo(second);
        assertThat(Instant.parse(acceptance.get("at").asString())).isCloseTo(later, org.assertj.core.api.Assertions.within(
                Duration.ofMillis(5)));
    }

    @Test
    void aReadyNodeWithAFreshPassingAcceptanceIsDelivered() {
        long pool = world.pool(world.tenant(), h100Spec());
        long node = readyNode(pool, Instant.now().minusSeconds(3600));

        Api.Response delivered = admin().post("/api/v1/nodes/" + node + "/deliver", "{\"nodePoolId\":" + pool + "}");

        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        assertThat(delivered.json().get("lifecycle").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.json().get("nodePoolId").asLong()).isEqualTo(pool);
        assertThat(delivered.json().has("deliveryOverride")).isFalse();
        assertThat(last(admin().get("/api/v1/nodes/" + node + "/lifecycle").json()).get("from").asString()).isEqualTo("READY");
        assertThat(auditActions(node)).contains("node.delivered");
    }

    @Test
    void deliveryIsRefusedNamingEverythingMissing() {
        long pool = world.pool(world.tenant(), h100Spec());
        long untested = world.spareNode();
        long stale = readyNode(pool, Instant.now().minus(Duration.ofDays(8)));
        long failing = readyNode(pool, Instant.now());
        world.verdict(failing, RUNS.incrementAndGet(), "nvlink", CheckVerdict.FAIL, Instant.now());
        long oldDriver = readyNode(pool, Instant.now());
        world.report(oldDriver, facts(H100, 8, 8, "535.104.05"));

        assertRefused(untested, pool, "it is NEW, not READY", "no acceptance verdict");
        assertRefused(stale, pool, "its acceptance is too old", "at most 7 day(s)");
        assertRefused(failing, pool, "check nvlink is FAIL");
        assertRefused(oldDriver, pool, "driver version mismatch: 535.104.05 where pool", "wants 550.54.15");
        for (long node : List.of(untested, stale, failing, oldDriver)) {
            assertThat(admin().get("/api/v1/nodes/" + node).json().get("nodePoolId").asLong()).isNotEqualTo(pool);
        }
    }

    @Test
    void anAdminOverridesTheGateWithACommentThatIsAuditedAndShownOnTheNode() {
        long pool = world.pool(world.tenant(), h100Spec());
        long node = world.spareNode();
        String body = "{\"nodePoolId\":" + pool + ",\"override\":true,\"comment\":\"customer accepts the missing GPU\"}";

        Api.Response byOperator = world.global("OPERATOR").post("/api/v1/nodes/" + node + "/deliver", body);
        Api.Response withoutComment = admin().post("/api/v1/nodes/" + node + "/deliver",
                "{\"nodePoolId\":" + pool + ",\"override\":true}");
        Api.Response overridden = admin().post("/api/v1/nodes/" + node + "/deliver", body);

        assertThat(byOperator.status()).as(byOperator.toString()).isEqualTo(403);
        assertThat(withoutComment.status()).isEqualTo(400);
        assertThat(withoutComment.json().get("errors").get(0).get("field").asString()).isEqualTo("comment");
        assertThat(overridden.status()).as(overridden.toString()).isEqualTo(200);
        JsonNode shown = overridden.json();
        assertThat(shown.get("lifecycle").asString()).isEqualTo("DELIVERED");
        assertThat(shown.get("deliveryOverride").get("by").asString()).isEqualTo("admin");
        assertThat(shown.get("deliveryOverride").get("comment").asString()).contains("customer accepts the missing GPU")
                .contains("no acceptance verdict");
        JsonNode last = last(admin().get("/api/v1/nodes/" + node + "/lifecycle").json());
        assertThat(last.get("from").asString()).isEqualTo("NEW");
        assertThat(last.get("override").asBoolean()).isTrue();
        assertThat(auditActions(node)).contains("node.delivery-overridden");
    }

    @Test
    void theTableDecidesChangesByHandAndTakingANodeOutOfServiceNeedsAReason() {
        long node = world.spareNode();

        Api.Response forbidden = admin().post("/api/v1/nodes/" + node + "/lifecycle", "{\"to\":\"READY\"}");
        Api.Response noReason = admin().post("/api/v1/nodes/" + node + "/lifecycle", "{\"to\":\"BROKEN\"}");
        Api.Response delivered = admin().post("/api/v1/nodes/" + node + "/lifecycle", "{\"to\":\"DELIVERED\"}");
        Api.Response broken = admin().post("/api/v1/nodes/" + node + "/lifecycle", "{\"to\":\"BROKEN\",\"reason\":\"PSU 2 dead\"}");
        Api.Response unknown = admin().post("/api/v1/nodes/" + node + "/lifecycle", "{\"to\":\"SCRAPPED\"}");

        assertThat(forbidden.status()).isEqualTo(409);
        assertThat(forbidden.isProblem()).isTrue();
        assertThat(forbidden.json().get("detail").asString()).contains("cannot go from NEW to READY")
                .contains("it may go to COMMISSIONING, BROKEN, MAINTENANCE");
        assertThat(texts(forbidden.json().get("allowed"))).containsExactly("COMMISSIONING", "BROKEN", "MAINTENANCE");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(delivered.status()).isEqualTo(409);
        assertThat(delivered.json().get("detail").asString()).contains("/deliver");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(broken.status()).as(broken.toString()).isEqualTo(200);
        assertThat(broken.json().get("reason").asString()).isEqualTo("PSU 2 dead");
        assertThat(admin().get("/api/v1/nodes/" + node).json().get("lifecycle").asString()).isEqualTo("BROKEN");
        assertThat(states(admin().get("/api/v1/nodes/" + node + "/lifecycle").json())).containsExactly("NEW>BROKEN");
        assertThat(auditActions(node)).contains("node.lifecycle-changed");
    }

    @Test
    void theInventorysOwnMovesIntoATenantsPoolGoThroughTheGate() {
        long pool = world.pool(world.tenant(), h100Spec());
        long untested = world.spareNode();
        long ready = readyNode(pool, Instant.now());

        Api.Response moved = admin().post("/api/v1/node-pools/" + pool + "/nodes", "{\"nodeIds\":[" + untested + "," + ready + "]}");
        Api.Response updated = admin().put("/api/v1/nodes/" + untested, JSON.createObjectNode().put("ip", world.ip(untested))
                .put("nodePoolId", pool).toString());

        for (Api.Response refused : List.of(moved, updated)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json().get("detail").asString()).contains("Nothing was moved").contains("it is NEW, not READY")
                    .contains("/api/v1/nodes/" + untested + "/deliver");
        }
        assertThat(admin().get("/api/v1/nodes/" + ready).json().get("nodePoolId").asLong()).isNotEqualTo(pool);

        Api.Response admitted = admin().post("/api/v1/node-pools/" + pool + "/nodes", "{\"nodeIds\":[" + ready + "]}");
        assertThat(admitted.status()).as(admitted.toString()).isEqualTo(200);
        assertThat(admin().get("/api/v1/nodes/" + ready).json().get("lifecycle").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void movingADeliveredNodeBackToTheSparePoolReleasesItToNew() {
        long pool = world.pool(world.tenant(), h100Spec());
        long node = readyNode(pool, Instant.now());
        assertThat(admin().post("/api/v1/nodes/" + node + "/deliver", "{\"nodePoolId\":" + pool + "}").status()).isEqualTo(200);

        Api.Response released = admin().post("/api/v1/node-pools/" + sparePool() + "/nodes", "{\"nodeIds\":[" + node + "]}");

        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        List<String> history = states(admin().get("/api/v1/nodes/" + node + "/lifecycle").json());
        assertThat(history.subList(history.size() - 3, history.size()))
                .containsExactly("READY>DELIVERED", "DELIVERED>RELEASING", "RELEASING>NEW");
        assertThat(admin().get("/api/v1/nodes/" + node).json().get("lifecycle").asString()).isEqualTo("NEW");
    }

    @Test
    void aDeliveredNodeMovesBetweenItsTenantsPoolsButNotToAnotherTenant() {
        long tenant = world.tenant();
        long pool = world.pool(tenant, null);
        long sibling = world.pool(tenant, null);
        long foreign = world.pool(world.tenant(), null);
        long node = world.spareNode();
        assertThat(admin().post("/api/v1/nodes/" + node + "/deliver", "{\"nodePoolId\":" + pool
                + ",\"override\":true,\"comment\":\"burn-in at the customer\"}").status()).isEqualTo(200);

        assertThat(admin().post("/api/v1/node-pools/" + sibling + "/nodes", "{\"nodeIds\":[" + node + "]}").status()).isEqualTo(200);
        Api.Response toForeign = admin().post("/api/v1/node-pools/" + foreign + "/nodes", "{\"nodeIds\":[" + node + "]}");

        assertThat(toForeign.status()).isEqualTo(409);
        assertThat(toForeign.json().get("detail").asString()).contains("release it first");
        assertThat(admin().get("/api/v1/nodes/" + node).json().get("lifecycle").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void tenantUsersReadTheirNodesLifecycleOnlyAndChangeNothing() {
        long tenant = world.tenant();
        long pool = world.pool(tenant, null);
        long other = world.pool(world.tenant(), null);
        long mine = created(admin().post("/api/v1/nodes", "{\"ip\":\"" + uniqueIp() + "\",\"nodePoolId\":" + pool + "}"));
        long theirs = created(admin().post("/api/v1/nodes", "{\"ip\":\"" + uniqueIp() + "\",\"nodePoolId\":" + other + "}"));
        long spare = world.spareNode();
        Api operator = world.member(tenant, "OPERATOR");

        assertThat(operator.get("/api/v1/nodes/" + mine + "/lifecycle").status()).isEqualTo(200);
        assertThat(operator.get("/api/v1/nodes/" + mine).json().get("lifecycle").asString()).isEqualTo("DELIVERED");
        Api.Response foreign = operator.get("/api/v1/nodes/" + theirs + "/lifecycle");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("detail").asString())
                .isEqualTo(operator.get("/api/v1/nodes/987654321/lifecycle").json().get("detail").asString().replace("987654321",
                        String.valueOf(theirs)));
        assertThat(operator.post("/api/v1/nodes/" + spare + "/deliver", "{\"nodePoolId\":" + pool + "}").status()).isEqualTo(403);
        assertThat(operator.post("/api/v1/nodes/" + mine + "/lifecycle", "{\"to\":\"MAINTENANCE\",\"reason\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(operator.post("/api/v1/nodes/" + spare + "/commission", "{}").status()).isEqualTo(403);
    }

    @Test
    void aPoolDeclaresItsSpecOnCreateAndByPutAndABadOneIsRefusedByField() {
        long pool = world.pool(world.tenant(), h100Spec());

        JsonNode spec = admin().get("/api/v1/node-pools/" + pool).json().get("spec");
        Api.Response bad = admin().put("/api/v1/node-pools/" + pool + "/spec",
                "{\"gpuCount\":0,\"driverVersion\":\"latest\",\"acceptanceMaxAgeDays\":400}");
        Api.Response changed = admin().put("/api/v1/node-pools/" + pool + "/spec", "{\"gpuModel\":\"H200\",\"nvswitch\":true}");

        assertThat(spec.get("gpuModel").asString()).isEqualTo("H100");
        assertThat(spec.get("gpuCount").asInt()).isEqualTo(8);
        assertThat(spec.get("driverVersion").asString()).isEqualTo("550.54.15");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValues("field").stream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("spec.gpuCount", "spec.driverVersion", "spec.acceptanceMaxAgeDays");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("spec").get("gpuModel").asString()).isEqualTo("H200");
        assertThat(changed.json().get("spec").get("nvswitch").asBoolean()).isTrue();
        assertThat(changed.json().get("spec").get("acceptanceMaxAgeDays").asInt()).isEqualTo(7);
        assertThat(changed.json().get("spec").has("gpuCount")).isFalse();
        Api.Response invalidOnCreate = admin().post("/api/v1/node-pools", JSON.createObjectNode().put("name", unique("pool"))
                .put("tenantId", world.tenant()).set("spec", JSON.createObjectNode().put("nicCount", -1)).toString());
        assertThat(invalidOnCreate.status()).isEqualTo(400);
        assertThat(invalidOnCreate.json().get("errors").get(0).get("field").asString()).isEqualTo("spec.nicCount");
    }

    // --- helpers

    private long testingNode(long pool) {
        return world.testingNode(pool);
    }

    /** Commissioned against {@code pool}, judged PASS and WARN at {@code judgedAt}, READY. */
    private long readyNode(long pool, Instant judgedAt) {
        long node = testingNode(pool);
        long run = RUNS.incrementAndGet();
        events.publishEvent(new NodeAcceptanceStarted(node, run, judgedAt));
        world.verdict(node, run, "gpu_inventory", CheckVerdict.PASS, judgedAt);
        world.verdict(node, run, "nccl_all_reduce", CheckVerdict.WARN, judgedAt);
        events.publishEvent(new NodeAcceptanceConcluded(node, run, CheckVerdict.WARN, "", judgedAt));
        assertThat(admin().get("/api/v1/nodes/" + node).json().get("lifecycle").asString()).isEqualTo("READY");
        return node;
    }

    private JsonNode commission(long node, long pool) {
        Api.Response response = admin().post("/api/v1/nodes/" + node + "/commission", "{\"nodePoolId\":" + pool + "}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private void assertRefused(long node, long pool, String... missing) {
        Api.Response refused = admin().post("/api/v1/nodes/" + node + "/deliver", "{\"nodePoolId\":" + pool + "}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString()).contains(missing).contains("an ADMIN may override");
    }

    private long sparePool() {
        return admin().get("/api/v1/node-pools?name=spare_nodepool").json().get("items").get(0).get("id").asLong();
    }

    private List<String> auditActions(long node) {
        List<String> actions = new ArrayList<>();
        admin().get("/api/v1/audit-events?entityType=node&entityId=" + node + "&size=100").json().get("items")
                .forEach(event -> actions.add(event.get("action").asString()));
        return actions;
    }

    private static List<String> states(JsonNode history) {
        List<String> states = new ArrayList<>();
        history.forEach(entry -> states.add(entry.get("from").asString() + ">" + entry.get("to").asString()));
        return states;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asString()));
        return texts;
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private static long created(Api.Response response) {
        return LifecycleWorld.created(response);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.get(field).asString()));
        return values;
    }
}
