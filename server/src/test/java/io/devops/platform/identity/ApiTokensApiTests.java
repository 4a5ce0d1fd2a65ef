package io.devops.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.identity.IdentityFixtures.Account;
import io.devops.platform.identity.IdentityFixtures.Token;
import io.devops.platform.shared.DbTime;
import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ApiTokensApiTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private IdentityFixtures fixtures() {
        return new IdentityFixtures(admin());
    }

    @Test
    void createdTokenIsShownOnceAndWorksAsBearer() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.OPERATOR);
        var created = fixtures.as(user).post("/api/v1/api-tokens", "{\"name\":\"ci\",\"expiresInDays\":30}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.json().get("token").asString();
        assertThat(token).startsWith("dvp_").hasSizeGreaterThan(40);
        assertThat(created.json().get("prefix").asString()).isEqualTo(token.substring(0, 10));
        assertThat(created.json().get("expiresAt").asString()).isNotBlank();

        var me = anonymous().bearer(token).get("/api/v1/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo(user.username());
    }

    @Test
    void listShowsNeitherTheTokenNorItsHash() {
        var fixtures = fixtures();
        Api owner = fixtures.as(fixtures.user(Role.VIEWER));
        Token token = fixtures.token(owner);

        for (Api reader : new Api[] {owner, admin()}) {
            var list = reader.get("/api/v1/api-tokens");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains("\"id\":" + token.id())
                    .doesNotContain(token.value())
                    .doesNotContain(TokenCodec.sha256(token.value()))
                    .doesNotContainIgnoringCase("hash");
        }
    }

    @Test
    void usersSeeOnlyTheirOwnTokensAndAdminsSeeAll() {
        var fixtures = fixtures();
        Account aliceAccount = fixtures.user(Role.OPERATOR);
        Api alice = fixtures.as(aliceAccount);
        Api bob = fixtures.as(fixtures.user(Role.OPERATOR));
        Token alicesToken = fixtures.token(alice);

        assertThat(ids(alice.get("/api/v1/api-tokens").json())).contains(alicesToken.id());
        assertThat(ids(bob.get("/api/v1/api-tokens").json())).doesNotContain(alicesToken.id());
        assertThat(ids(admin().get("/api/v1/api-tokens?sort=id,desc").json())).contains(alicesToken.id());
        assertThat(ids(admin().get("/api/v1/api-tokens?username=" + aliceAccount.username()).json())).containsExactly(alicesToken.id());
    }

    @Test
    void usingATokenRecordsWhenItWasLastUsed() {
        var fixtures = fixtures();
        Api owner = fixtures.as(fixtures.user(Role.VIEWER));
        Token token = fixtures.token(owner);
        assertThat(tokenIn(owner, token).has("lastUsedAt")).isFalse();

        anonymous().bearer(token.value()).get("/api/v1/auth/me");

        assertThat(Instant.parse(tokenIn(owner, token).get("lastUsedAt").asString()))
                .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
    }

    @Test
    void revokedTokenAnswers401AtOnce() {
        var fixtures = fixtures();
        Api owner = fixtures.as(fixtures.user(Role.OPERATOR));
        Token token = fixtures.token(owner);
        Api bearer = anonymous().bearer(token.value());
        assertThat(bearer.get("/api/v1/auth/me").status()).isEqualTo(200);

        assertThat(owner.delete("/api/v1/api-tokens/" + token.id()).status()).isEqualTo(204);

        var response = bearer.get("/api/v1/auth/me");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(tokenIn(owner, token).get("revokedAt").asString()).isNotBlank();
    }

    @Test
    void revokingTwiceIsAConflict() {
        var fixtures = fixtures();
        Api owner = fixtures.as(fixtures.user(Role.OPERATOR));
        Token token = fixtures.token(owner);
        owner.delete("/api/v1/api-tokens/" + token.id());

        var again = owner.delete("/api/v1/api-tokens/" + token.id());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
    }

    @Test
    void aTokenCannotCreateAnotherToken() {
        var fixtures = fixtures();
        Api owner = fixtures.as(fixtures.user(Role.OPERATOR));
        Token token = fixtures.token(owner);

        var response = anonymous().bearer(token.value()).post("/api/v1/api-tokens", "{\"name\":\"successor\"}");

        assertRefusedToAToken(response);
        assertThat(ids(owner.get("/api/v1/api-tokens").json())).containsExactly(token.id());
    }

    @Test
    void aTokenCannotListOrRevokeTokensNotEvenItself() {
        var fixtures = fixtures();
        Token token = fixtures.token(fixtures.as(fixtures.user(Role.ADMIN)));
        Api bearer = anonymous().bearer(token.value());

        assertRefusedToAToken(bearer.get("/api/v1/api-tokens"));
        assertRefusedToAToken(bearer.delete("/api/v1/api-tokens/" + token.id()));
        assertThat(bearer.get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void aConsoleSessionManagesItsUsersTokens() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.VIEWER);
        Api console = IdentityFixtures.console(anonymous(), user);

        Token token = fixtures.token(console);
        assertThat(ids(console.get("/api/v1/api-tokens").json())).containsExactly(token.id());
        assertThat(console.delete("/api/v1/api-tokens/" + token.id()).status()).isEqualTo(204);
        assertThat(anonymous().bearer(token.value()).get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void scopesMustBeKnownAndAtLeastOneAndLeftOutTheyAreAllThree() {
        var fixtures = fixtures();
        Api owner = fixtures.as(fixtures.user(Role.OPERATOR));

        for (String scopes : new String[] {"[\"write\"]", "[\"read\",\"sudo\"]", "[]"}) {
            var response = owner.post("/api/v1/api-tokens", "{\"name\":\"ci\",\"scopes\":" + scopes + "}");
            assertThat(response.status()).as(scopes + " → " + response).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("scopes");
        }
        for (String scopes : new String[] {"\"read\"", "{\"read\":true}"}) {
            assertThat(owner.post("/api/v1/api-tokens", "{\"name\":\"ci\",\"scopes\":" + scopes + "}").status())
                    .as(scopes).isEqualTo(400);
        }
        assertThat(owner.get("/api/v1/api-tokens").json().get("total").asLong()).isZero();

        for (String noScopes : new String[] {"{\"name\":\"ci\"}", "{\"name\":\"ci\",\"scopes\":null}"}) {
            var response = owner.post("/api/v1/api-tokens", noScopes);
            assertThat(response.status()).as(noScopes + " → " + response).isEqualTo(201);
            assertThat(response.json().get("scopes").toString()).isEqualTo("[\"read\",\"run\",\"admin\"]");
        }
    }

    @Test
    void disablingAUserRevokesTheirTokensForGood() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.OPERATOR);
        Api owner = fixtures.as(user);
        Token token = fixtures.token(owner);

        admin().put("/api/v1/users/" + user.id(), IdentityFixtures.userChange(Role.OPERATOR, false));
        admin().put("/api/v1/users/" + user.id(), IdentityFixtures.userChange(Role.OPERATOR, true));

        assertThat(anonymous().bearer(token.value()).get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(tokenIn(owner, token).get("revokedAt").asString()).isNotBlank();
    }

    @Test
    void anAdminsPasswordResetRevokesTheUsersTokens() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.OPERATOR);
        Token token = fixtures.token(fixtures.as(user));

        var reset = admin().put("/api/v1/users/" + user.id(),
                "{\"role\":\"OPERATOR\",\"enabled\":true,\"password\":\"a-reset-password-1\"}");

        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(anonymous().bearer(token.value()).get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(tokenIn(anonymous().basic(user.username(), "a-reset-password-1"), token).get("revokedAt").asString())
                .isNotBlank();
    }

    @Test
    void userCannotRevokeAnotherUsersToken() {
        var fixtures = fixtures();
        Api alice = fixtures.as(fixtures.user(Role.OPERATOR));
        Api bob = fixtures.as(fixtures.user(Role.OPERATOR));
        Token alicesToken = fixtures.token(alice);

        var response = bob.delete("/api/v1/api-tokens/" + alicesToken.id());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
        assertThat(anonymous().bearer(alicesToken.value()).get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void adminCanRevokeAnyonesToken() {
        var fixtures = fixtures();
        Token token = fixtures.token(fixtures.as(fixtures.user(Role.OPERATOR)));

        assertThat(admin().delete("/api/v1/api-tokens/" + token.id()).status()).isEqualTo(204);

        assertThat(anonymous().bearer(token.value()).get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void revokingAnUnknownTokenIs404() {
        var response = admin().delete("/api/v1/api-tokens/" + Long.MAX_VALUE);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void expiredTokenAnswers401() {
        var fixtures = fixtures();
        Token token = fixtures.token(fixtures.as(fixtures.user(Role.OPERATOR)));
        Api bearer = anonymous().bearer(token.value());
        assertThat(bearer.get("/api/v1/auth/me").status()).isEqualTo(200);

        // No test clock in the shared context: age the token in the database instead.
        jdbc.sql("UPDATE api_tokens SET expires_at = ? WHERE id = ?")
                .params(DbTime.toDb(Instant.now().minusSeconds(1)), token.id()).update();

        var response = bearer.get("/api/v1/auth/me");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void tokenOfADisabledUserAnswers401() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.OPERATOR);
        Token token = fixtures.token(fixtures.as(user));

        admin().put("/api/v1/users/" + user.id(), IdentityFixtures.userChange(Role.OPERATOR, false));

        assertThat(anonymous().bearer(token.value()).get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void tokenNeedsANameAndASensibleLifetime() {
        var fixtures = fixtures();
        Api owner = fixtures.as(fixtures.user(Role.VIEWER));

        var noName = owner.post("/api/v1/api-tokens", "{\"name\":\"\"}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

        var negative = owner.post("/api/v1/api-tokens", "{\"name\":\"x\",\"expiresInDays\":0}");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresInDays");

        var overAYear = owner.post("/api/v1/api-tokens", "{\"name\":\"x\",\"expiresInDays\":366}");
        assertThat(overAYear.status()).isEqualTo(400);
        assertThat(overAYear.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresInDays");
        assertThat(overAYear.json().get("detail").asString()).contains("at most 365");
        assertThat(owner.get("/api/v1/api-tokens").json().get("total").asLong()).isZero();
    }

    /** 403 problem+json that says what to do instead. */
    static void assertRefusedToAToken(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.json().get("detail").asString()).contains("An API token cannot")
                .contains("sign in with your password");
    }

    private static JsonNode tokenIn(Api owner, Token token) {
        return owner.get("/api/v1/api-tokens").json().get("items").valueStream()
                .filter(node -> node.get("id").asLong() == token.id())
                .findFirst().orElseThrow();
    }

    private static java.util.List<Long> ids(JsonNode page) {
        return page.get("items").valueStream().map(node -> node.get("id").asLong()).toList();
    }
}
