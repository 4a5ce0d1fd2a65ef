package io.devops.platform.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Tenants and pools named as people name them ({@code 交付任务-北京A区}): accepted as typed, with the
 * identifier Ansible needs derived and returned as {@code slug}; refusals name the rule they apply.
 */
class NamesPeopleUseApiTests extends ApiTest {

    @Autowired
    private PlaybookInventory inventory;
    private InventoryFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new InventoryFixtures(admin());
    }

    @Test
    void aTenantAndAPoolTakeChineseNamesAndReturnTheirSlugs() {
        String tenantName = "北京客户-" + unique("t");
        String poolName = "交付任务-北京A区-" + unique("p");

        JsonNode tenant = created(admin().post("/api/v1/tenants", "{\"name\":\"" + tenantName + "\"}"));
        JsonNode pool = created(admin().post("/api/v1/node-pools",
                "{\"name\":\"" + poolName + "\",\"tenantId\":" + tenant.get("id").asLong() + "}"));

        assertThat(tenant.get("name").asString()).isEqualTo(tenantName);
        assertThat(tenant.get("slug").asString()).matches("t_[a-z0-9]+_[0-9a-f]{8}");
        assertThat(pool.get("name").asString()).isEqualTo(poolName);
        assertThat(pool.get("slug").asString()).matches("a_p_[a-z0-9]+_[0-9a-f]{8}");
        assertThat(admin().get("/api/v1/node-pools/" + pool.get("id").asLong()).json().get("slug").asString())
                .isEqualTo(pool.get("slug").asString());
    }

    @Test
    void aPoolsInventoryGroupsAreNamedByTheSlugsNeverTheDisplayNames() {
        JsonNode tenant = created(admin().post("/api/v1/tenants", "{\"name\":\"租户 " + unique("t") + "\"}"));
        JsonNode pool = created(admin().post("/api/v1/node-pools",
                "{\"name\":\"GPU 池 {{ x }} " + unique("p") + "\",\"tenantId\":" + tenant.get("id").asLong() + "}"));

        long node = fixtures.node(InventoryFixtures.aNode(uniqueIp()).inPool(pool.get("id").asLong()));

        List<String> names = inventory.of(List.of(node)).hosts().get(node).groups();

        assertThat(names).containsExactlyInAnyOrder("pool_" + pool.get("slug").asString(), "tenant_" + tenant.get("slug").asString());
        assertThat(names).allMatch(group -> group.matches("[a-z0-9_]+"));
    }

    @Test
    void renamingAPoolDerivesItsSlugAfresh() {
        long tenant = fixtures.tenant(unique("tenant"));
        String plain = unique("plain_pool");
        long pool = fixtures.pool(plain, tenant);
        assertThat(admin().get("/api/v1/node-pools/" + pool).json().get("slug").asString()).isEqualTo(plain);

        Api.Response renamed = admin().put("/api/v1/node-pools/" + pool,
                "{\"name\":\"上海 " + plain + "\",\"tenantId\":" + tenant + "}");

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("slug").asString()).startsWith(plain + "_").isNotEqualTo(plain);
    }

    @Test
    void aDuplicateChineseNameIsAConflictNamingTheRule() {
        String name = "华东租户-" + unique("t");
        created(admin().post("/api/v1/tenants", "{\"name\":\"" + name + "\"}"));

        Api.Response duplicate = admin().post("/api/v1/tenants", "{\"name\":\" " + name + " \"}");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).contains("application/problem+json");
        assertRule(duplicate, "name", "name.duplicate");
        assertThat(duplicate.json().get("detail").asString()).contains(name);
    }

    @Test
    void aNameWhoseSlugAnotherPoolHasIsAConflictSayingWhich() {
        long tenant = fixtures.tenant(unique("tenant"));
        String first = "池-" + unique("a");
        String slug = created(admin().post("/api/v1/node-pools", "{\"name\":\"" + first + "\",\"tenantId\":" + tenant + "}"))
                .get("slug").asString();

        Api.Response clash = admin().post("/api/v1/node-pools", "{\"name\":\"" + slug + "\",\"tenantId\":" + tenant + "}");

        assertThat(clash.status()).isEqualTo(409);
        assertRule(clash, "name", "name.slugDuplicate");
        assertThat(clash.json().get("detail").asString()).contains(slug).contains(first);
    }

    @Test
    void tooLongBlankOrInvisibleCharactersAreRefusedNamingTheRuleAndNothingIsCreated() {
        String tooLong = "池".repeat(65);
        long tenantsBefore = admin().get("/api/v1/tenants").json().get("total").asLong();
        Api.Response longOne = admin().post("/api/v1/tenants", "{\"name\":\"" + tooLong + "\"}");
        assertThat(longOne.status()).isEqualTo(400);
        assertRule(longOne, "name", "name.length");
        assertThat(longOne.json().get("errors").get(0).get("limit").asInt()).isEqualTo(64);
        assertThat(admin().get("/api/v1/tenants").json().get("total").asLong()).isEqualTo(tenantsBefore);

        assertRule(admin().post("/api/v1/tenants", "{\"name\":\"  \"}"), "name", "name.required");
        String invisible = unique("zero") + "\\u200b";
        Api.Response control = admin().post("/api/v1/node-pools",
                "{\"name\":\"" + invisible + "\",\"tenantId\":" + fixtures.tenant(unique("tenant")) + "}");
        assertThat(control.status()).isEqualTo(400);
        assertRule(control, "name", "name.control");
    }

    private static void assertRule(Api.Response response, String field, String rule) {
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).as(response.toString()).isEqualTo(field);
        assertThat(error.get("rule").asString()).as(response.toString()).isEqualTo(rule);
        assertThat(error.get("message").asString()).isNotBlank();
    }

    private static JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }
}
