package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A change based on an older version (If-Match) is refused with 409 and the current version, and
 * changes nothing; a change based on the current version, or naming none, is applied.
 */
class StaleCatalogEditsApiTests extends ApiTest {


    @Test
    void aStaleOperatorEditIs409AndTheCurrentOneIsApplied() {
        CatalogFixture fixture = fixture();
        long role = fixture.role(unique("r"), "some_path");
        long id = fixture.operator(role, "1", v -> v.put("some_path", "/one")).get("id").asLong();
        String body = fixture.operatorBody(role, "1", v -> v.put("some_path", "/two")).toString();

        Api.Response current = ifMatch(1).put("/api/v1/operators/" + id, body);
        Api.Response stale = ifMatch(1).put("/api/v1/operators/" + id, body);

        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        assertConflict(stale, 2);
        assertThat(admin().get("/api/v1/operators/" + id + "/versions").json().size()).isEqualTo(2);
        assertThat(admin().put("/api/v1/operators/" + id, body).status()).as("no If-Match: applied as before").isEqualTo(200);
    }

    @Test
    void aStaleShellEditIs409() {
        CatalogFixture fixture = fixture();
        String name = unique("s");
        long id = fixture.shell(name, "true", p -> { }, "ansible").get("id").asLong();
        String body = CatalogFixture.object().put("name", name).put("command", "false").put("dispatch", "ansible")
                .set("parameters", CatalogFixture.object().arrayNode()).toString();

        assertThat(ifMatch(1).put("/api/v1/shells/" + id, body).status()).isEqualTo(200);
        Api.Response stale = ifMatch(1).put("/api/v1/shells/" + id, body);

        assertConflict(stale, 2);
        assertThat(ifMatch(1).delete("/api/v1/shells/" + id).status()).isEqualTo(409);
        assertThat(admin().get("/api/v1/shells/" + id + "/versions").json().size()).isEqualTo(2);
    }

    @Test
    void aStaleTemplateEditIs409() {
        CatalogFixture fixture = fixture();
        long shell = fixture.shell(unique("s"), "true", p -> { }, "ansible").get("id").asLong();
        String name = unique("t");
        String body = CatalogFixture.templateBody(name, steps -> CatalogFixture.scriptStep(steps, shell, null, p -> { }))
                .toString();
        long id = fixture.template(name, steps -> CatalogFixture.scriptStep(steps, shell, null, p -> { })).get("id").asLong();

        assertThat(ifMatch(1).put("/api/v1/templates/" + id, body).status()).isEqualTo(200);
        Api.Response stale = ifMatch(1).put("/api/v1/templates/" + id, body);

        assertConflict(stale, 2);
        assertThat(admin().get("/api/v1/templates/" + id + "/versions").json().size()).isEqualTo(2);
    }

    @Test
    void aStaleChangeToARolesVariablesOrReportsIs409() {
        CatalogFixture fixture = fixture();
        long role = fixture.role(unique("r"));
        int revision = admin().get("/api/v1/roles/" + role).json().get("revision").asInt();
        assertThat(ifMatch(revision).post("/api/v1/roles/" + role + "/variables", "{\"name\":\"a\",\"type\":\"string\"}")
                .status()).isEqualTo(201);

        Api.Response variable = ifMatch(revision).post("/api/v1/roles/" + role + "/variables", "{\"name\":\"b\",\"type\":\"string\"}");
        Api.Response reports = ifMatch(revision).put("/api/v1/roles/" + role + "/reports", "{\"reports\":[\"/tmp/r.md\"]}");

        assertConflict(variable, revision + 1);
        assertConflict(reports, revision + 1);
        JsonNode after = admin().get("/api/v1/roles/" + role).json();
        assertThat(after.get("variables").findValuesAsString("name")).containsExactly("a");
        assertThat(after.get("reports").size()).isZero();
    }

    @Test
    void anIfMatchThatNamesNoVersionIs400() {
        long role = fixture().role(unique("r"));

        Api.Response response = admin().header("If-Match", "\"abc\"").put("/api/v1/roles/" + role + "/reports",
                "{\"reports\":[]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("If-Match");
    }

    private CatalogFixture fixture() {
        return new CatalogFixture(admin());
    }

    private Api ifMatch(int version) {
        return admin().header("If-Match", "\"" + version + "\"");
    }

    private static void assertConflict(Api.Response response, int current) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("currentVersion").asInt()).isEqualTo(current);
        assertThat(response.json().get("detail").asString()).contains("changed meanwhile", "version " + current);
    }
}
