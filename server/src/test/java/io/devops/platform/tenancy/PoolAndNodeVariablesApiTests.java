package io.devops.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pool and node variables through the API: structured values kept as given, secrets write-only and
 * sealed, kept by a PUT that leaves them out and removed by null; bad names refused naming the field
 * with nothing changed; a tenant's members reach their own pools' and nodes' variables only.
 */
class PoolAndNodeVariablesApiTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MISSING = 987_654_321L;

    @Autowired
    JdbcClient jdbc;
    private TenantWorld world;

    @BeforeEach
    void world() {
        world = TenantWorld.get(admin(), ApiTest::unique, ApiTest::uniqueIp);
    }

    @Test
    void variablesAreKeptAsGivenAndSecretsAreWriteOnlyKeptUntilRemoved() {
        String secret = unique("pool-secret-{{ 6 * 7 }}");
        String path = "/api/v1/node-pools/" + world.a().pool() + "/vars";
        String given = """
                {"driver_version":"550.54","nccl":{"NCCL_IB_HCA":["mlx5_0","mlx5_1"],"retries":3,"strict":false}}""";

        Api.Response set = admin().put(path, "{\"vars\":" + given + ",\"secretVars\":{\"registry_token\":\"" + secret + "\"}}");
        Api.Response keptOnPut = admin().put(path, "{\"vars\":{\"driver_version\":\"560.1\"}}");
        Api.Response read = admin().get(path);

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("vars")).isEqualTo(JSON.readTree(given));
        assertThat(set.json().get("secretVarsSet").toString()).isEqualTo("[\"registry_token\"]");
        assertThat(keptOnPut.json().get("secretVarsSet").toString()).isEqualTo("[\"registry_token\"]");
        assertThat(read.json().get("vars").toString()).isEqualTo("{\"driver_version\":\"560.1\"}");
        assertThat(read.json().get("secretVarsSet").toString()).isEqualTo("[\"registry_token\"]");
        assertThat(List.of(set.body(), keptOnPut.body(), read.body(), admin().get("/api/v1/audit-events?size=50").body()))
                .allSatisfy(answer -> assertThat(answer).doesNotContain(secret));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inventory_vars WHERE secret_vars_json LIKE ? OR vars_json LIKE ?")
                .params("%" + secret + "%", "%" + secret + "%").query(Long.class).single()).isZero();

        Api.Response removed = admin().put(path, "{\"vars\":{},\"secretVars\":{\"registry_token\":null}}");
        assertThat(removed.json().get("secretVarsSet").toString()).isEqualTo("[]");
    }

    @Test
    void badNamesAndValuesAreRefusedNamingTheFieldAndChangeNothing() {
        String path = "/api/v1/nodes/" + world.a().node() + "/vars";
        assertThat(admin().put(path, "{\"vars\":{\"rack\":\"r1\"}}").status()).isEqualTo(200);

        for (String body : List.of("{\"vars\":{\"devops_facts\":1}}", "{\"vars\":{\"hostvars\":1}}",
                "{\"vars\":{\"gpu driver\":1}}", "{\"vars\":{\"ansible_user\":\"root\"}}", "{\"vars\":{\"rack\":null}}", "{\"secretVars\":{\"token\":\"\"}}",
                "{\"vars\":{\"token\":\"a\"},\"secretVars\":{\"token\":\"b\"}}")) {
            Api.Response refused = admin().put(path, body);
            String field = JSON.readTree(body).has("vars") ? "vars." + JSON.readTree(body).get("vars").propertyNames().iterator().next()
                    : "secretVars.token";
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).as(body).isEqualTo(field);
        }

        assertThat(admin().get(path).json().get("vars").toString()).isEqualTo("{\"rack\":\"r1\"}");
    }

    @Test
    void aTenantsMembersReachTheirOwnPoolAndNodeVariablesOnly() {
        Api a = world.operatorA();
        String body = "{\"vars\":{\"rack\":\"r2\"}}";

        assertThat(a.put("/api/v1/node-pools/" + world.a().pool() + "/vars", body).status()).isEqualTo(200);
        assertThat(a.put("/api/v1/nodes/" + world.a().node() + "/vars", body).status()).isEqualTo(200);
        assertThat(world.viewerA().get("/api/v1/nodes/" + world.a().node() + "/vars").json().get("vars").toString())
                .isEqualTo("{\"rack\":\"r2\"}");
        assertThat(world.viewerA().put("/api/v1/nodes/" + world.a().node() + "/vars", body).status()).isEqualTo(403);
        for (String theirs : List.of("/api/v1/node-pools/" + world.b().pool() + "/vars", "/api/v1/nodes/" + world.b().node() + "/vars",
                "/api/v1/node-pools/" + world.sparePool() + "/vars")) {
            String missing = theirs.replaceAll("/\\d+/", "/" + MISSING + "/");
            assertThat(a.get(theirs).status()).as(theirs).isEqualTo(404).isEqualTo(a.get(missing).status());
            assertThat(a.put(theirs, body).status()).as(theirs).isEqualTo(404);
        }
        assertThat(admin().get("/api/v1/nodes/" + world.b().node() + "/vars").json().get("vars").toString()).isEqualTo("{}");
    }
}
