package io.devops.platform.health;

import static io.devops.platform.health.HealthFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The open conditions of a pool counted by kind and severity, for the pool and home pages; tenant-scoped. */
class HealthEventSummaryApiTests extends ApiTest {

    private static final String T0 = "2026-12-07T10:00:00Z";
    private static final String T1 = "2026-12-07T10:05:00Z";
    private HealthFixtures fixtures;
    private HealthFixtures.Tenant tenant;

    @BeforeEach
    void pool() {
        fixtures = new HealthFixtures(admin(), anonymous(), ApiTest::unique);
        tenant = fixtures.tenant();
    }

    @Test
    void countsOnlyOpenConditionsOfThePoolByKindAndSeverity() {
        HealthFixtures.Agent first = fixtures.agent(tenant.pool(), uniqueIp());
        HealthFixtures.Agent second = fixtures.agent(tenant.pool(), uniqueIp());
        first.report(event("79", T0, T0, 1, true) + "," + gpu("ecc", "WARNING", true));
        second.report(event("48", T0, T0, 1, true) + "," + event("13", T0, T0, 1, true).replace("CRITICAL", "INFO"));
        second.report(event("48", T0, T1, 2, false)); // cleared: no longer counted

        JsonNode summary = summary(admin().get("/api/v1/health-events/summary?poolId=" + tenant.pool()));

        assertThat(summary.get("open").get("xid").asLong()).isEqualTo(2);
        assertThat(summary.get("open").get("gpu").asLong()).isEqualTo(1);
        assertThat(summary.get("bySeverity").get("CRITICAL").asLong()).isEqualTo(1);
        assertThat(summary.get("bySeverity").get("WARNING").asLong()).isEqualTo(1);
        assertThat(summary.get("bySeverity").get("INFO").asLong()).isEqualTo(1);
    }

    @Test
    void aPoolWithoutOpenConditionsHasEmptyCounts() {
        fixtures.agent(tenant.pool(), uniqueIp()).report(event("79", T0, T1, 1, false));

        JsonNode summary = summary(admin().get("/api/v1/health-events/summary?poolId=" + tenant.pool()));

        assertThat(summary.get("open").isEmpty()).isTrue();
        assertThat(summary.get("bySeverity").isEmpty()).isTrue();
    }

    @Test
    void aTenantUserCountsItsOwnNodesConditionsOnly() {
        fixtures.agent(tenant.pool(), uniqueIp()).report(event("79", T0, T0, 1, true));
        HealthFixtures.Tenant other = fixtures.tenant();

        assertThat(summary(fixtures.member(tenant).get("/api/v1/health-events/summary?poolId=" + tenant.pool()))
                .get("open").get("xid").asLong()).isEqualTo(1);
        assertThat(summary(fixtures.member(other).get("/api/v1/health-events/summary?poolId=" + tenant.pool()))
                .get("open").isEmpty()).isTrue();
        assertThat(summary(fixtures.member(other).get("/api/v1/health-events/summary")).get("open").isEmpty()).isTrue();
    }

    private static String gpu(String code, String severity, boolean open) {
        return event(code, T0, T0, 1, open).replace("\"xid\"", "\"gpu\"").replace("CRITICAL", severity);
    }

    private static JsonNode summary(io.devops.platform.support.Api.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }
}
