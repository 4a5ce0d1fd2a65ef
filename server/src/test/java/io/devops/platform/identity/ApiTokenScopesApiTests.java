package io.devops.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devops.platform.identity.IdentityFixtures.Account;
import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a token may do: its scopes, never more than its owner's role as it is now; how long it lives. */
class ApiTokenScopesApiTests extends ApiTest {

    private final IdentityFixtures fixtures() {
        return new IdentityFixtures(admin());
    }

    private Api tokenOf(Api owner, String body) {
        var created = owner.post("/api/v1/api-tokens", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return anonymous().bearer(created.json().get("token").asString());
    }

    private Api tokenWith(Api owner, String scopes) {
        return tokenOf(owner, "{\"name\":\"" + IdentityFixtures.uniqueName("t") + "\",\"scopes\":" + scopes + "}");
    }

    private Api.Response newTenant(Api api) {
        return api.post("/api/v1/tenants", "{\"name\":\"" + unique("tenant") + "\"}");
    }

    private static void assertOutOfScope(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asString()).contains("scopes").contains("Create a token with the scope");
    }

    @Test
    void creationAnswersTheContractsFieldsWithTheScopesAndExpiryAsked() {
        Api owner = fixtures().as(fixtures().user(Role.OPERATOR));

        var created = owner.post("/api/v1/api-tokens", "{\"name\":\"ci\",\"scopes\":[\"run\",\"read\"],\"expiresInDays\":30}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.has("id")).isTrue();
        assertThat(body.get("token").asString()).startsWith(body.get("prefix").asString());
        assertThat(body.get("scopes").toString()).isEqualTo("[\"read\",\"run\"]");
        assertThat(Instant.parse(body.get("expiresAt").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(1, ChronoUnit.MINUTES));
        String list = owner.get("/api/v1/api-tokens").body();
        assertThat(list).contains("\"scopes\":[\"read\",\"run\"]").doesNotContain(body.get("token").asString());
    }

    @Test
    void aTokenWithoutAnExpiryLivesNinetyDays() {
        Api owner = fixtures().as(fixtures().user(Role.VIEWER));

        var created = owner.post("/api/v1/api-tokens", "{\"name\":\"ci\"}");

        assertThat(Instant.parse(created.json().get("expiresAt").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofDays(90)), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void aReadTokenMayOnlyRead() {
        Api read = tokenWith(admin(), "[\"read\"]");

        assertThat(read.get("/api/v1/tenants").status()).isEqualTo(200);
        assertOutOfScope(newTenant(read));
        assertOutOfScope(read.post("/api/v1/jobs/987654/runs", "{}"));
        assertOutOfScope(read.delete("/api/v1/tenants/987654"));
    }

    @Test
    void aRunTokenMayStartAndCancelRunsButChangeNothingElse() {
        Api run = tokenWith(admin(), "[\"run\"]");

        // Past the scope check, the call meets the role and the job: no such job.
        assertThat(run.post("/api/v1/jobs/987654/runs", "{}").status()).isEqualTo(404);
        assertThat(run.post("/api/v1/jobs/987654/runs/preview", "{}").status()).isEqualTo(404);
        assertThat(run.post("/api/v1/runs/987654/cancel", "{}").status()).isEqualTo(404);
        assertOutOfScope(newTenant(run));
        assertOutOfScope(run.get("/api/v1/tenants"));
    }

    @Test
    void anAdminScopeGivesNoMoreThanTheOwnersRole() {
        Api operatorsToken = tokenWith(fixtures().as(fixtures().user(Role.OPERATOR)), "[\"read\",\"run\",\"admin\"]");

        assertThat(newTenant(operatorsToken).status()).isEqualTo(201);
        assertThat(operatorsToken.get("/api/v1/users").status()).isEqualTo(403);
    }

    @Test
    void aDemotedUsersTokenLosesTheRightsAtTheNextRequest() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.OPERATOR);
        Api token = tokenWith(fixtures.as(user), "[\"read\",\"admin\"]");
        assertThat(newTenant(token).status()).isEqualTo(201);

        var demoted = admin().put("/api/v1/users/" + user.id(), IdentityFixtures.userChange(Role.VIEWER, true));
        assertThat(demoted.status()).as(demoted.toString()).isEqualTo(200);

        var refused = newTenant(token);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(token.get("/api/v1/tenants").status()).isEqualTo(200);
    }

    @Test
    void theLastUseRecordsTheClientsAddress() {
        var fixtures = fixtures();
        Api owner = fixtures.as(fixtures.user(Role.VIEWER));
        var created = owner.post("/api/v1/api-tokens", "{\"name\":\"ci\",\"scopes\":[\"read\"]}");

        anonymous().bearer(created.json().get("token").asString()).get("/api/v1/auth/me");

        JsonNode listed = owner.get("/api/v1/api-tokens").json().get("items").get(0);
        assertThat(listed.get("lastUsedAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }
}
