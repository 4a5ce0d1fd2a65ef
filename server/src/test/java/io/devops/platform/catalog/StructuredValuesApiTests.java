package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Role variables that take lists, maps and secrets: values checked against the variable's schema
 * with one error per field, named by its path, changing nothing; secrets stored sealed, never
 * shown, kept by an edit that leaves them out.
 */
class StructuredValuesApiTests extends ApiTest {

    private static final String VHOSTS_SCHEMA = """
            {"type":"array","items":{"type":"object","required":["name","port"],
              "properties":{"name":{"type":"string"},"port":{"type":"integer","minimum":1,"maximum":65535},
                            "state":{"enum":["present","absent"]}}}}""";

    @Autowired
    JdbcClient jdbc;

    private CatalogFixture catalog;
    private long role;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixture(admin());
        role = catalog.role(unique("web"));
        declare(role, variable("nginx_vhosts", "list").set("schema", CatalogFixture.JSON.readTree(VHOSTS_SCHEMA)));
        declare(role, variable("sysctl", "map"));
        declare(role, variable("registry_token", "secret"));
    }

    @Test
    void aListOfDictsAndANestedMapComeBackAsGivenWithIntegersStillIntegers() {
        JsonNode values = CatalogFixture.JSON.readTree("""
                {"nginx_vhosts":[{"name":"a.example","port":8080,"state":"present"},{"name":"{{ b }}","port":443}],
                 "sysctl":{"net":{"core":{"somaxconn":4096,"rmem":[1,"2"]}},"enabled":true}}""");

        JsonNode operator = catalog.created(admin().post("/api/v1/operators", body(values).toString()));

        assertThat(operator.get("values")).isEqualTo(values);
        assertThat(operator.get("values").get("nginx_vhosts").get(0).get("port").isIntegralNumber()).isTrue();
        assertThat(operator.get("secretsSet")).isEmpty();
    }

    @Test
    void aMissingFieldInAListOfDictsAndAValueOutsideTheChoicesAreRefusedByPathChangingNothing() {
        JsonNode values = CatalogFixture.JSON.readTree("""
                {"nginx_vhosts":[{"name":"a"},{"name":"b","port":80,"state":"gone"},{"name":"c","port":"http"}]}""");

        Api.Response refused = admin().post("/api/v1/operators", body(values).toString());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(errors(refused)).containsExactly(
                "values.nginx_vhosts[0].port: required",
                "values.nginx_vhosts[1].state: must be one of [\"present\",\"absent\"], not \"gone\"",
                "values.nginx_vhosts[2].port: must be an integer, not a string");
        assertThat(refused.json().get("detail").asString()).contains("values.nginx_vhosts[0].port: required");
        assertThat(operatorsOfRole()).isZero();
    }

    @Test
    void aMapWhereAListIsWantedIsRefusedByNameAndAnEditWithItKeepsTheOperatorAsItWas() {
        JsonNode operator = catalog.created(admin().post("/api/v1/operators", body(CatalogFixture.JSON.readTree("""
                {"nginx_vhosts":[{"name":"a","port":80}]}""")).toString()));

        Api.Response refused = admin().put("/api/v1/operators/" + operator.get("id").asLong(), body(CatalogFixture.JSON.readTree("""
                {"nginx_vhosts":{"name":"a","port":80},"sysctl":["not","a","map"]}""")).toString());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly(
                "values.nginx_vhosts: list must be a list, not a map (a JSON array such as [\"a\", \"b\"])",
                "values.sysctl: map must be a map, not a list (a JSON object such as {\"key\": \"value\"})");
        JsonNode now = admin().get("/api/v1/operators/" + operator.get("id").asLong()).json();
        assertThat(now.get("latest").asBoolean()).isTrue();
        assertThat(now.get("values")).isEqualTo(operator.get("values"));
    }

    @Test
    void anInvalidSchemaIsRefusedNamingTheKeywordAndDeclaresNothing() {
        Api.Response unknownType = admin().post("/api/v1/roles/" + role + "/variables", variable("mounts", "list")
                .set("schema", CatalogFixture.JSON.readTree("{\"type\":\"array\",\"items\":{\"type\":\"lizard\"}}")).toString());
        Api.Response fetching = admin().post("/api/v1/roles/" + role + "/variables", variable("mounts", "list")
                .set("schema", CatalogFixture.JSON.readTree("{\"$ref\":\"http://127.0.0.1:1/schema.json\"}")).toString());
        Api.Response badDefault = admin().post("/api/v1/roles/" + role + "/variables", variable("mounts", "list")
                .put("default", "not a list").toString());

        assertThat(unknownType.status()).as(unknownType.toString()).isEqualTo(400);
        assertThat(errors(unknownType)).singleElement().asString().startsWith("schema.items.type: must be one of");
        assertThat(fetching.status()).isEqualTo(400);
        assertThat(errors(fetching)).singleElement().asString().startsWith("schema.$ref: is not a supported JSON Schema keyword");
        assertThat(badDefault.status()).isEqualTo(400);
        assertThat(errors(badDefault)).singleElement().asString().startsWith("default: list must be a list, not a string");
        assertThat(StreamSupport.stream(admin().get("/api/v1/roles/" + role + "/variables").json().spliterator(), false)
                .map(variable -> variable.get("name").asString())).containsExactly("nginx_vhosts", "sysctl", "registry_token");
    }

    @Test
    void onlyAnAdminDeclaresATemplatedVariableAndOnlyOfATypeThatHoldsText() {
        String name = unique("coder").toLowerCase();
        String password = "pw-" + unique("secret") + "-Long";
        assertThat(admin().post("/api/v1/users", """
                {"username":"%s","displayName":"Test","password":"%s","role":"OPERATOR"}""".formatted(name, password)).status())
                .isEqualTo(201);
        Api operator = anonymous().basic(name, password);

        Api.Response byOperator = operator.post("/api/v1/roles/" + role + "/variables",
                variable("web_host", "string").put("templated", true).toString());
        Api.Response byAdmin = admin().post("/api/v1/roles/" + role + "/variables",
                variable("web_host", "string").put("templated", true).toString());
        Api.Response templatedSecret = admin().post("/api/v1/roles/" + role + "/variables",
                variable("web_key", "secret").put("templated", true).toString());

        assertThat(byOperator.status()).as(byOperator.toString()).isEqualTo(403);
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(201);
        assertThat(byAdmin.json().get("templated").asBoolean()).isTrue();
        assertThat(templatedSecret.status()).isEqualTo(400);
        assertThat(errors(templatedSecret)).singleElement().asString().startsWith("templated: only a string, path, list or map");
        assertThat(admin().get("/api/v1/roles/" + role + "/variables").json().valueStream()
                .filter(v -> v.get("templated").asBoolean()).map(v -> v.get("name").asString())).containsExactly("web_host");
    }

    @Test
    void aSecretTakesNoDefaultAndNoScriptParameterIsAListOrASecret() {
        Api.Response withDefault = admin().post("/api/v1/roles/" + role + "/variables",
                variable("bmc_password", "secret").put("default", "calvin").toString());
        ObjectNode shell = CatalogFixture.object().put("name", unique("listy")).put("command", "echo {{ hosts }}");
        shell.putArray("parameters").addObject().put("name", "hosts").put("type", "list");
        Api.Response listParameter = admin().post("/api/v1/shells", shell.toString());

        assertThat(withDefault.status()).isEqualTo(400);
        assertThat(errors(withDefault)).singleElement().asString().startsWith("default: a secret takes no default");
        assertThat(listParameter.status()).as(listParameter.toString()).isEqualTo(400);
        assertThat(listParameter.body()).contains("a script parameter is one word of a command");
    }

    @Test
    void aSecretIsWriteOnlyKeptByAnEditThatLeavesItOutAndReplacedWithoutShowingTheOldOne() {
        String first = unique("first-secret-text");
        String second = unique("second-secret-text");
        JsonNode v1 = catalog.created(admin().post("/api/v1/operators", body(CatalogFixture.object()
                .put("registry_token", first).set("sysctl", CatalogFixture.JSON.readTree("{\"a\":1}"))).toString()));
        long id = v1.get("id").asLong();

        Api.Response kept = admin().put("/api/v1/operators/" + id, body(CatalogFixture.object()
                .set("sysctl", CatalogFixture.JSON.readTree("{\"a\":2}"))).toString());
        Api.Response replaced = admin().put("/api/v1/operators/" + kept.id(), body(CatalogFixture.object()
                .put("registry_token", second).set("sysctl", CatalogFixture.JSON.readTree("{\"a\":2}"))).toString());
        Api.Response cleared = admin().put("/api/v1/operators/" + replaced.id(), body(CatalogFixture.object()
                .putNull("registry_token").set("sysctl", CatalogFixture.JSON.readTree("{\"a\":2}"))).toString());

        assertThat(v1.get("values").has("registry_token")).isFalse();
        assertThat(v1.get("secretsSet").toString()).isEqualTo("[\"registry_token\"]");
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(kept.json().get("secretsSet").toString()).isEqualTo("[\"registry_token\"]");
        assertThat(replaced.json().get("optVersion").asInt()).isEqualTo(3);
        assertThat(replaced.json().get("secretsSet").toString()).isEqualTo("[\"registry_token\"]");
        assertThat(cleared.json().get("secretsSet")).isEmpty();
        assertThat(sealedValue(kept.id())).isEqualTo(sealedValue(id));
        assertThat(sealedValue(replaced.id())).isNotEqualTo(sealedValue(id));
        List<String> answers = List.of(v1.toString(), kept.body(), replaced.body(), cleared.body(),
                admin().get("/api/v1/operators/" + id + "/versions").body(),
                admin().get("/api/v1/operators?allVersions=true&roleId=" + role).body(),
                admin().get("/api/v1/audit-events?size=100").body());
        assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(first).doesNotContain(second));
        assertThat(storedValuesOfRole()).isNotEmpty().noneMatch(value -> value.contains(first) || value.contains(second));
    }

    private ObjectNode body(JsonNode values) {
        ObjectNode body = CatalogFixture.object().put("roleId", role).put("pkgVersion", "1");
        body.set("values", values);
        return body;
    }

    private static ObjectNode variable(String name, String type) {
        return CatalogFixture.object().put("name", name).put("type", type).put("required", false);
    }

    private void declare(long roleId, ObjectNode variable) {
        catalog.created(admin().post("/api/v1/roles/" + roleId + "/variables", variable.toString()));
    }

    private static List<String> errors(Api.Response response) {
        return StreamSupport.stream(response.json().get("errors").spliterator(), false)
                .map(error -> error.get("field").asString() + ": " + error.get("message").asString()).toList();
    }

    private long operatorsOfRole() {
        return admin().get("/api/v1/operators?allVersions=true&roleId=" + role).json().get("total").asLong();
    }

    private String sealedValue(long operatorId) {
        return jdbc.sql("""
                SELECT rv.variable_value FROM operators o JOIN role_variables rv ON rv.value_set_id = o.value_set_id
                JOIN variables v ON v.id = rv.variable_id WHERE o.id = ? AND v.var_type = 'SECRET'""")
                .param(operatorId).query(String.class).single();
    }

    private List<String> storedValuesOfRole() {
        return jdbc.sql("""
                SELECT rv.variable_value FROM value_sets s JOIN role_variables rv ON rv.value_set_id = s.id WHERE s.role_id = ?""")
                .param(role).query(String.class).list();
    }
}
