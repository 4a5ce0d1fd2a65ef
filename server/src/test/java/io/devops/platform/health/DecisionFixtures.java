package io.devops.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Pools of their own, nodes moved to READY by hand, test policies and reads of decisions, for the decision tests. */
final class DecisionFixtures {

    /** Limits wide enough that other tests' drains never stop this one's (the fleet's hourly count is shared). */
    static final HealthLimits WIDE = new HealthLimits(100, 100, 1_000_000);

    private final Api admin;
    private final Function<String, String> unique;

    DecisionFixtures(Api admin, Function<String, String> unique) {
        this.admin = admin;
        this.unique = unique;
    }

    /**
     * A stored policy of the test's own in which Xid 79 drains and reboots, made the pool's through
     * the API ({@code POST /health-policies}, {@code PUT /node-pools/{id}/health-policy}), as an ADMIN would.
     */
    HealthPolicyVersion usePolicy(long poolId, HealthLimits limits, boolean dryRun) {
        return usePolicy(poolId, limits, dryRun, "[\"DRAIN\",\"REBOOT\",\"RMA\"]");
    }

    /**
     * As {@link #usePolicy(long, HealthLimits, boolean)} with Xid 79's chain given (a JSON array): a
     * chain of DRAIN alone keeps a drained node in REPAIR, where the repair module waits for a person.
     */
    HealthPolicyVersion usePolicy(long poolId, HealthLimits limits, boolean dryRun, String actions) {
        String name = unique.apply("test-policy");
        String body = """
                {"name":"%s","rules":[{"match":{"component":"xid","code":"79"},"severity":"CRITICAL",
                 "actions":%s,"escalateAfterRepairs":2}],
                 "limits":{"maxNodesPerPool":%d,"maxPercentPerPool":%d,"maxPerHour":%d},"dryRun":%b,"reacceptanceChecks":["xid"]}"""
                .formatted(name, actions, limits.maxNodesPerPool(), limits.maxPercentPerPool(), limits.maxPerHour(), dryRun);
        Api.Response created = admin.post("/api/v1/health-policies", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Response chosen = admin.put("/api/v1/node-pools/" + poolId + "/health-policy", "{\"policyId\":" + created.id() + "}");
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        return new HealthPolicyVersion(created.id(), name, created.json().get("version").asInt(), List.of(), limits, dryRun,
                List.of("xid"));
    }

    /**
     * A pool of its own (a tenant's: every pool but the spare pool has one), so that its limits count
     * only this test's nodes; {@link #ready} takes its nodes out of DELIVERED by hand.
     */
    long ownPool() {
        return new HealthFixtures(admin, null, unique).tenant().pool();
    }

    /** DELIVERED (or NEW) → MAINTENANCE → TESTING → READY by hand, as the operations team may. */
    void ready(long nodeId) {
        move(nodeId, "MAINTENANCE", "health decision test");
        move(nodeId, "TESTING", null);
        move(nodeId, "READY", null);
    }

    Api.Response move(long nodeId, String to, String reason) {
        String body = reason == null ? "{\"to\":\"" + to + "\"}" : "{\"to\":\"" + to + "\",\"reason\":\"" + reason + "\"}";
        var moved = admin.post("/api/v1/nodes/" + nodeId + "/lifecycle", body);
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        return moved;
    }

    String state(long nodeId) {
        return admin.get("/api/v1/nodes/" + nodeId).json().get("lifecycle").asString();
    }

    /** The node's decisions about Xid 79, newest first, or null while there are none. */
    List<JsonNode> xidDecisions(long nodeId) {
        JsonNode health = admin.get("/api/v1/nodes/" + nodeId + "/health").json();
        List<Long> xidEvents = ids(health.get("events"), event -> event.get("component").asString().equals("xid"));
        List<JsonNode> decisions = new ArrayList<>();
        health.get("decisions").forEach(decision -> {
            if (xidEvents.contains(decision.get("healthEventId").asLong())) {
                decisions.add(decision);
            }
        });
        return decisions.isEmpty() ? null : decisions;
    }

    JsonNode recommendations(String query) {
        return admin.get("/api/v1/repair-recommendations?" + query).json();
    }

    private static List<Long> ids(JsonNode items, Predicate<JsonNode> which) {
        List<Long> ids = new ArrayList<>();
        items.forEach(item -> {
            if (which.test(item)) {
                ids.add(item.get("id").asLong());
            }
        });
        return ids;
    }
}
