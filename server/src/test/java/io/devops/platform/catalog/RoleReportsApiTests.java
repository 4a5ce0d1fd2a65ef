package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Roles declare the report files they write on each node; saved templates collect them after the role's playbook. */
class RoleReportsApiTests extends ApiTest {

    @Test
    void reportsSetWithPutAreShownWithTheRoleAndReplacedWhole() {
        var fixture = new CatalogFixture(admin());
        long role = fixture.role(unique("reporting"));

        var set = admin().put("/api/v1/roles/" + role + "/reports", "{\"reports\":[\"/tmp/a.md\",\"/var/tmp/b.md\"]}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("reports").toString()).isEqualTo("[\"/tmp/a.md\",\"/var/tmp/b.md\"]");
        assertThat(admin().get("/api/v1/roles/" + role).json().get("reports").toString())
                .isEqualTo("[\"/tmp/a.md\",\"/var/tmp/b.md\"]");

        admin().put("/api/v1/roles/" + role + "/reports", "{\"reports\":[\"/tmp/c.md\"]}");
        assertThat(admin().get("/api/v1/roles/" + role + "/reports").json().toString()).isEqualTo("[\"/tmp/c.md\"]");
        admin().put("/api/v1/roles/" + role + "/reports", "{\"reports\":[]}");
        assertThat(admin().get("/api/v1/roles/" + role + "/reports").json().size()).isZero();
    }

    @Test
    void aRelativeOrEscapingOrRepeatedPathIs400WithTheEntryNamedAndChangesNothing() {
        var fixture = new CatalogFixture(admin());
        long role = fixture.role(unique("reporting"));
        admin().put("/api/v1/roles/" + role + "/reports", "{\"reports\":[\"/tmp/keep.md\"]}");

        var relative = admin().put("/api/v1/roles/" + role + "/reports", "{\"reports\":[\"/tmp/ok.md\",\"report.md\"]}");
        var escaping = admin().put("/api/v1/roles/" + role + "/reports", "{\"reports\":[\"/tmp/../etc/shadow\"]}");
        var repeated = admin().put("/api/v1/roles/" + role + "/reports", "{\"reports\":[\"/tmp/x.md\",\"/tmp/x.md\"]}");

        assertThat(relative.status()).isEqualTo(400);
        assertThat(relative.json().get("detail").asString()).contains("reports[1]").contains("absolute path");
        assertThat(escaping.status()).isEqualTo(400);
        assertThat(escaping.json().get("detail").asString()).contains("reports[0]").contains("without '..'");
        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.json().get("detail").asString()).contains("reports[1]").contains("a second time");
        assertThat(admin().get("/api/v1/roles/" + role + "/reports").json().toString()).isEqualTo("[\"/tmp/keep.md\"]");
    }

    @Test
    void aSavedTemplateCollectsItsRolesReportsOnceEachAndKeepsThemWhenTheRoleChangesLater() {
        var fixture = new CatalogFixture(admin());
        long first = fixture.role(unique("first"));
        long second = fixture.role(unique("second"));
        admin().put("/api/v1/roles/" + first + "/reports", "{\"reports\":[\"/tmp/first.md\",\"/tmp/shared.md\"]}");
        admin().put("/api/v1/roles/" + second + "/reports", "{\"reports\":[\"/tmp/shared.md\",\"/tmp/second.md\"]}");
        long a = fixture.operator(first, "1", values -> { }).get("id").asLong();
        long b = fixture.operator(second, "1", values -> { }).get("id").asLong();
        JsonNode template = fixture.template(unique("reports"), steps -> {
            CatalogFixture.operatorStep(steps, a);
            CatalogFixture.operatorStep(steps, b);
        });

        admin().put("/api/v1/roles/" + first + "/reports", "{\"reports\":[\"/tmp/changed.md\"]}");

        JsonNode tasks = admin().get("/api/v1/templates/" + template.get("id").asLong() + "/plan").json().get("tasks");
        assertThat(tasks.size()).isEqualTo(1);
        assertThat(tasks.get(0).get("type").asString()).isEqualTo("playbook");
        assertThat(tasks.get(0).get("reports").toString())
                .isEqualTo("[\"/tmp/first.md\",\"/tmp/shared.md\",\"/tmp/second.md\"]");
    }
}
