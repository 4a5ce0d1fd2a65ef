package io.devops.platform.lifecycle;

import static io.devops.platform.lifecycle.LifecycleWorld.h100Spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.acceptance.CheckResult;
import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A pool's burn-in tier requirement at the delivery gate, through the real API. */
class BurnInTierGateApiTests extends LifecycleWorldTest {

    private static final AtomicLong RUNS = new AtomicLong(910_000_000L + System.nanoTime() % 1_000_000);

    @Test
    void aPoolNeedingStandardRefusesANodeThatPassedOnlyQuickNamingTheTierAndAge() {
        long pool = standardPool();
        long node = world.testingNode(pool);
        passed(node, BurnInTier.QUICK, Instant.now().minus(Duration.ofHours(2)));

        Api.Response refused = deliver(node, pool);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString())
                .contains("needs a STANDARD burn-in passed within 7 day(s); it has QUICK passed 0 day(s) ago (run ")
                .contains("'Burn-in standard'");
        assertThat(admin().get("/api/v1/nodes/" + node).json().get("lifecycle").asString()).isEqualTo("READY");
    }

    @Test
    void aFreshEnoughStandardOrHigherTierIsDeliveredEvenWhenItsVerdictsAreOlderThanTheAcceptanceAge() {
        long pool = world.pool(world.tenant(), h100Spec().put("acceptanceMaxAgeDays", 1).put("deliveryTier", "STANDARD")
                .put("tierValidForDays", 30));
        long node = world.testingNode(pool);
        passed(node, BurnInTier.FULL, Instant.now().minus(Duration.ofDays(20)));

        Api.Response delivered = deliver(node, pool);

        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        assertThat(delivered.json().get("lifecycle").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void aStandardBurnInTooOldIsRefusedNamingItBesideTheNewerLowerTier() {
        long pool = standardPool();
        long node = world.testingNode(pool);
        passed(node, BurnInTier.STANDARD, Instant.now().minus(Duration.ofDays(10)));
        passed(node, BurnInTier.QUICK, Instant.now().minus(Duration.ofHours(1)));

        Api.Response refused = deliver(node, pool);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("it has QUICK passed 0 day(s) ago")
                .contains(", and STANDARD passed 10 day(s) ago");
    }

    @Test
    void theSpecKeepsTheTierAndRefusesAnUnknownOneNamingTheField() {
        long pool = standardPool();
        JsonNode spec = admin().get("/api/v1/node-pools/" + pool).json().get("spec");
        Api.Response bad = admin().post("/api/v1/node-pools", LifecycleWorld.JSON.createObjectNode().put("name", unique("pool"))
                .put("tenantId", world.tenant()).set("spec", h100Spec().put("deliveryTier", "HUGE").put("tierValidForDays", 0)).toString());

        assertThat(spec.get("deliveryTier").asString()).isEqualTo("STANDARD");
        assertThat(spec.get("tierValidForDays").asInt()).isEqualTo(7);
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.json().toString()).contains("spec.deliveryTier").contains("spec.tierValidForDays");
    }

    private long standardPool() {
        ObjectNode spec = h100Spec().put("deliveryTier", "STANDARD").put("tierValidForDays", 7);
        return world.pool(world.tenant(), spec);
    }

    /** Every check of {@code tier} passed on the node in one new run at {@code at}. */
    private void passed(long node, BurnInTier tier, Instant at) {
        Map<CheckResult, String> results = new LinkedHashMap<>();
        tier.checks().forEach(check -> results.put(CheckResult.fault(check, CheckVerdict.PASS, 0.0, 0.0, "x", check + " passed"), "0".repeat(64)));
        world.judge(node, RUNS.incrementAndGet(), at, results, tier.ordinal() + 1); // DCGM at the tier's level
    }

    private Api.Response deliver(long node, long pool) {
        return admin().post("/api/v1/nodes/" + node + "/deliver", "{\"nodePoolId\":" + pool + "}");
    }
}
