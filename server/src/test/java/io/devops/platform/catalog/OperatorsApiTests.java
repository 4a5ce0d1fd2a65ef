package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OperatorsApiTests extends ApiTest {

    private CatalogFixture catalog;
    private long role;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixture(admin());
        role = catalog.role(unique("driver"), "local_nvidia_driver_path", "local_cuda_driver_path");
    }

    private JsonNode driver550() {
        return catalog.operator(role, "550", v -> v.put("local_nvidia_driver_path", "/pkg/NVIDIA-550.run")
                .put("local_cuda_driver_path", "/pkg/cuda_12.3.run"));
    }

    @Test
    void createdOperatorIsVersionOneOfItsOwnLineage() {
        JsonNode op = driver550();
        assertThat(op.get("optVersion").asInt()).isEqualTo(1);
        assertThat(op.get("originalOptId").asLong()).isEqualTo(op.get("id").asLong());
        assertThat(op.get("latest").asBoolean()).isTrue();
        assertThat(op.get("deleted").asBoolean()).isFalse();
        assertThat(op.get("values").get("local_cuda_driver_path").asString()).isEqualTo("/pkg/cuda_12.3.run");
    }

    @Test
    void putMakesANewVersionAndLeavesTheOldOneAsItWas() {
        JsonNode v1 = driver550();
        // The seed's version 2 of 550 leaves the driver path out.
        var put = admin().put("/api/v1/operators/" + v1.get("id").asLong(), catalog.operatorBody(role, "550",
                v -> v.put("local_cuda_driver_path", "/pkg/cuda_12.3.run")).toString());
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode v2 = put.json();
        assertThat(v2.get("optVersion").asInt()).isEqualTo(2);
        assertThat(v2.get("originalOptId").asLong()).isEqualTo(v1.get("id").asLong());
        assertThat(v2.get("valueSetVersion").asInt()).isEqualTo(2);
        JsonNode old = admin().get("/api/v1/operators/" + v1.get("id").asLong()).json();
        assertThat(old.get("latest").asBoolean()).isFalse();
        assertThat(old.get("values").get("local_nvidia_driver_path").asString()).isEqualTo("/pkg/NVIDIA-550.run");
    }

    @Test
    void listShowsTheHeadAndAllVersionsShowsTheLineage() {
        JsonNode v1 = driver550();
        admin().put("/api/v1/operators/" + v1.get("id").asLong(), catalog.operatorBody(role, "550", v -> { }).toString());
        JsonNode heads = admin().get("/api/v1/operators?roleId=" + role).json();
        assertThat(heads.get("total").asLong()).isEqualTo(1);
        assertThat(heads.get("items").get(0).get("version").asInt()).isEqualTo(2);
        JsonNode all = admin().get("/api/v1/operators?allVersions=true&roleId=" + role).json();
        assertThat(all.get("total").asLong()).isEqualTo(2);
        assertThat(admin().get("/api/v1/operators/" + v1.get("id").asLong() + "/versions").json().size()).isEqualTo(2);
    }

    @Test
    void twoOperatorsOfOneRoleCannotShareAChosenNameAndPackageVersion() {
        String name = unique("驱动 550");
        assertThat(admin().post("/api/v1/operators", named(name, "550").toString()).status()).isEqualTo(201);

        var clash = admin().post("/api/v1/operators", named(name, "550").toString());

        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.isProblem()).isTrue();
        assertThat(clash.json().get("errors").get(0).get("rule").asString()).isEqualTo("operator.duplicate");
        assertThat(clash.json().get("detail").asString()).contains(name).contains("'550'");
        assertThat(admin().get("/api/v1/operators?roleId=" + role).json().get("total").asLong()).isEqualTo(1);
        assertThat(admin().post("/api/v1/operators", named(name, "560").toString()).status()).isEqualTo(201);
    }

    @Test
    void editingAnOperatorKeepsItsOwnNameButCannotTakeAnothersAndADeletedOneFreesIt() {
        long first = admin().post("/api/v1/operators", named("a_" + role, "550").toString()).id();
        long second = admin().post("/api/v1/operators", named("b_" + role, "550").toString()).id();

        assertThat(admin().put("/api/v1/operators/" + first, named("a_" + role, "550").toString()).status()).isEqualTo(200);
        assertThat(admin().put("/api/v1/operators/" + second, named("a_" + role, "550").toString()).status()).isEqualTo(409);

        long head = admin().get("/api/v1/operators?roleId=" + role + "&name=a_" + role).json().get("items").get(0).get("id").asLong();
        assertThat(admin().delete("/api/v1/operators/" + head).status()).isEqualTo(204);
        assertThat(admin().put("/api/v1/operators/" + second, named("a_" + role, "550").toString()).status()).isEqualTo(200);
    }

    @Test
    void anUnnamedOperatorThatWouldLookLikeAnotherGetsTheNextFreeNumber() {
        JsonNode first = driver550();
        JsonNode second = driver550();

        assertThat(second.get("name").asString()).isEqualTo(first.get("name").asString() + " (2)");
    }

    private tools.jackson.databind.node.ObjectNode named(String name, String pkgVersion) {
        return catalog.operatorBody(role, pkgVersion, v -> { }).put("name", name);
    }

    @Test
    void equalValuesReuseTheSameValueSet() {
        JsonNode first = driver550();
        JsonNode second = driver550();
        assertThat(second.get("valueSetId").asLong()).isEqualTo(first.get("valueSetId").asLong());
    }

    @Test
    void unknownVariableAndWrongTypeAreReportedPerField() {
        var response = admin().post("/api/v1/operators", catalog.operatorBody(role, "550",
                v -> v.put("no_such_variable", "x").put("local_cuda_driver_path", "relative/path")).toString());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("values.no_such_variable", "values.local_cuda_driver_path");
        assertThat(admin().get("/api/v1/operators?roleId=" + role).json().get("total").asLong()).isZero();
    }

    @Test
    void missingRequiredValueIs400() {
        catalog.variable(role, "gpu_count", "integer", true);
        var response = admin().post("/api/v1/operators", catalog.operatorBody(role, "550", v -> { }).toString());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("values.gpu_count");
    }

    @Test
    void unknownRoleIs400() {
        var response = admin().post("/api/v1/operators", catalog.operatorBody(987654321L, "550", v -> { }).toString());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("987654321");
    }

    @Test
    void deleteIsSoftAndHidesTheOperatorFromTheList() {
        JsonNode op = driver550();
        assertThat(admin().delete("/api/v1/operators/" + op.get("id").asLong()).status()).isEqualTo(204);
        assertThat(admin().get("/api/v1/operators?roleId=" + role).json().get("total").asLong()).isZero();
        assertThat(admin().get("/api/v1/operators/" + op.get("id").asLong()).json().get("deleted").asBoolean()).isTrue();
    }

    @Test
    void deletingARoleUsedByAnOperatorIsRefusedNamingIt() {
        JsonNode op = driver550();
        var response = admin().delete("/api/v1/roles/" + role);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).contains(op.get("name").asString());
    }

    @Test
    void deletingAVariableThatHasValuesIsRefused() {
        driver550();
        long variable = admin().get("/api/v1/roles/" + role + "/variables").json().get(0).get("id").asLong();
        assertThat(admin().delete("/api/v1/roles/" + role + "/variables/" + variable).status()).isEqualTo(409);
    }
}
