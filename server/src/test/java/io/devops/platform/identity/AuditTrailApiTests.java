package io.devops.platform.identity;

import static io.devops.platform.identity.IdentityFixtures.userChange;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.identity.IdentityFixtures.Account;
import io.devops.platform.identity.IdentityFixtures.Token;
import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every change names who made it, what it was, and the state before and after. */
class AuditTrailApiTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private IdentityFixtures fixtures() {
        return new IdentityFixtures(admin());
    }

    private List<JsonNode> events(String query) {
        var response = admin().get("/api/v1/audit-events?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("items").valueStream().toList();
    }

    @Test
    void creatingAUserIsAuditedWithTheStateAfter() {
        Account user = fixtures().user(Role.OPERATOR);

        List<JsonNode> events = events("entityType=user&entityId=" + user.id());

        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.get("actor").asString()).isEqualTo("admin");
        assertThat(event.get("action").asString()).isEqualTo("user.created");
        assertThat(event.get("summary").asString()).contains(user.username()).contains("OPERATOR");
        assertThat(event.get("occurredAt").asString()).isNotBlank();
        assertThat(event.has("before")).isFalse();
        JsonNode after = JSON.readTree(event.get("after").asString());
        assertThat(after.get("username").asString()).isEqualTo(user.username());
        assertThat(after.get("role").asString()).isEqualTo("OPERATOR");
        assertThat(event.toString()).doesNotContain(user.password()).doesNotContainIgnoringCase("passwordHash");
    }

    @Test
    void changingAUserRecordsBeforeAndAfter() {
        Account user = fixtures().user(Role.VIEWER);
        admin().put("/api/v1/users/" + user.id(), userChange(Role.OPERATOR, true));

        JsonNode event = events("entityType=user&entityId=" + user.id() + "&action=user.updated").get(0);

        assertThat(JSON.readTree(event.get("before").asString()).get("role").asString()).isEqualTo("VIEWER");
        assertThat(JSON.readTree(event.get("after").asString()).get("role").asString()).isEqualTo("OPERATOR");
        assertThat(event.get("summary").asString()).contains("VIEWER").contains("OPERATOR");
    }

    @Test
    void deletingAUserRecordsTheStateBefore() {
        Account user = fixtures().user(Role.VIEWER);
        admin().delete("/api/v1/users/" + user.id());

        JsonNode event = events("entityType=user&entityId=" + user.id() + "&action=user.deleted").get(0);

        assertThat(JSON.readTree(event.get("before").asString()).get("username").asString()).isEqualTo(user.username());
        assertThat(event.has("after")).isFalse();
    }

    @Test
    void creatingAndRevokingATokenIsAuditedWithoutTheToken() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.VIEWER);
        Api owner = fixtures.as(user);
        Token token = fixtures.token(owner);
        owner.delete("/api/v1/api-tokens/" + token.id());

        List<JsonNode> events = events("entityType=api-token&entityId=" + token.id() + "&sort=id,asc");

        assertThat(events).extracting(e -> e.get("action").asString()).containsExactly("api-token.created", "api-token.revoked");
        assertThat(events).allSatisfy(e -> assertThat(e.get("actor").asString()).isEqualTo(user.username()));
        JsonNode created = JSON.readTree(events.get(0).get("after").asString());
        assertThat(created.get("prefix").asString()).startsWith("dvp_");
        assertThat(created.get("username").asString()).isEqualTo(user.username());
        assertThat(events.toString()).doesNotContain(token.value()).doesNotContain(TokenCodec.sha256(token.value()));
    }

    @Test
    void eventsCanBeFilteredByActor() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.OPERATOR);
        fixtures.token(fixtures.as(user));
        fixtures.token(fixtures.as(user));

        List<JsonNode> events = events("actor=" + user.username());

        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e.get("actor").asString()).isEqualTo(user.username()));
    }

    @Test
    void eventsArePagedNewestFirst() {
        fixtures().user(Role.VIEWER);
        fixtures().user(Role.VIEWER);

        var page = admin().get("/api/v1/audit-events?entityType=user&size=2").json();

        assertThat(page.get("items").size()).isEqualTo(2);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("items").get(0).get("id").asLong()).isGreaterThan(page.get("items").get(1).get("id").asLong());
    }

    @Test
    void badFiltersAre400() {
        assertThat(admin().get("/api/v1/audit-events?sort=summary,asc").status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/audit-events?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void viewerCannotReadTheAuditTrail() {
        var fixtures = fixtures();
        var response = fixtures.as(fixtures.user(Role.VIEWER)).get("/api/v1/audit-events");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
    }
}
