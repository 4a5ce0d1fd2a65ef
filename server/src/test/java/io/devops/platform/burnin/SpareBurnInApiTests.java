package io.devops.platform.burnin;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET/PUT /api/v1/node-pools/{id}/burn-in} through the real API. */
class SpareBurnInApiTests extends ApiTest {

    private Long spare;

    @AfterEach
    void stopTheBurnIn() {
        if (spare != null) {
            admin().put(path(spare), "{\"enabled\":false}");
        }
    }

    @Test
    void anOperatorSetsTheSparePoolsBurnInAndTheChangeIsAudited() {
        spare = sparePool();
        Api operator = user("OPERATOR");

        Api.Response set = operator.put(path(spare), "{\"enabled\":true,\"tier\":\"full\",\"everyDays\":30,\"maxNodesAtOnce\":2}");
        JsonNode read = user("VIEWER").get(path(spare)).json();

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(read.get("configured").asBoolean()).isTrue();
        assertThat(read.get("enabled").asBoolean()).isTrue();
        assertThat(read.get("tier").asString()).isEqualTo("FULL");
        assertThat(read.get("everyDays").asInt()).isEqualTo(30);
        assertThat(read.get("maxNodesAtOnce").asInt()).isEqualTo(2);
        assertThat(read.get("nextLookAt").isNull()).isFalse();
        JsonNode events = admin().get("/api/v1/audit-events?action=spare-burn-in.changed").json();
        assertThat(events.toString()).contains("FULL every 30 day(s), at most 2 node(s) at once");
    }

    @Test
    void badValuesAreRefusedNamingEachFieldAndNothingChanges() {
        spare = sparePool();
        JsonNode before = admin().get(path(spare)).json();

        Api.Response bad = admin().put(path(spare), "{\"tier\":\"HUGE\",\"everyDays\":0,\"maxNodesAtOnce\":0}");

        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.json().toString()).contains("\"enabled\"").contains("\"tier\"").contains("\"everyDays\"").contains("\"maxNodesAtOnce\"");
        assertThat(admin().get(path(spare)).json()).isEqualTo(before);
        assertThat(user("VIEWER").put(path(spare), "{\"enabled\":false}").status()).isEqualTo(403);
    }

    @Test
    void aTenantsPoolTakesNoRecurringBurnInAndAMissingPoolIsNotFound() {
        long tenant = admin().post("/api/v1/tenants", "{\"name\":\"" + unique("tenant") + "\"}").id();
        long pool = admin().post("/api/v1/node-pools", "{\"name\":\"" + unique("pool") + "\",\"tenantId\":" + tenant + "}").id();

        Api.Response refused = admin().put(path(pool), "{\"enabled\":true}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("is not the spare pool");
        assertThat(admin().get(path(pool)).json().get("configured").asBoolean()).isFalse();
        assertThat(admin().get(path(987_654_321L)).status()).isEqualTo(404);
    }

    private long sparePool() {
        long node = admin().post("/api/v1/nodes", "{\"ip\":\"" + uniqueIp() + "\"}").id();
        return admin().get("/api/v1/nodes/" + node).json().get("nodePoolId").asLong();
    }

    private Api user(String role) {
        String name = unique("burnin");
        String password = "pw-" + unique("secret") + "-Long";
        Api.Response created = admin().post("/api/v1/users", """
                {"username":"%s","displayName":"Test","password":"%s","role":"%s"}""".formatted(name, password, role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return admin().basic(name, password);
    }

    private static String path(long pool) {
        return "/api/v1/node-pools/" + pool + "/burn-in";
    }
}
