package io.devops.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.identity.IdentityFixtures.Account;
import io.devops.platform.identity.IdentityFixtures.Token;
import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every user, whatever the role, changes their own password by proving the current one, signed in
 * with a password; guesses count as failed sign-ins.
 */
class OwnPasswordApiTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private IdentityFixtures fixtures() {
        return new IdentityFixtures(admin());
    }

    private String passwordHash(Account user) {
        return jdbc.sql("SELECT password_hash FROM users WHERE id = ?").param(user.id()).query(String.class).single();
    }

    private static String change(String current, String next) {
        return "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}";
    }

    @Test
    void wrongCurrentPasswordIs400AndChangesNothing() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.VIEWER);

        var response = fixtures.as(user).post("/api/v1/auth/password", change("not-my-password", "a-brand-new-password"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
        assertThat(fixtures.as(user).get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void rightCurrentPasswordChangesIt() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.VIEWER);

        var response = fixtures.as(user).post("/api/v1/auth/password", change(user.password(), "a-brand-new-password"));

        assertThat(response.status()).isEqualTo(204);
        assertThat(anonymous().basic(user.username(), "a-brand-new-password").get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(fixtures.as(user).get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void weakNewPasswordIs400WithAFieldError() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.OPERATOR);

        var response = fixtures.as(user).post("/api/v1/auth/password", change(user.password(), "short"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
        assertThat(fixtures.as(user).get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void anonymousCannotChangeAPassword() {
        var response = anonymous().post("/api/v1/auth/password", change("x", "a-brand-new-password"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void wrongCurrentPasswordsCountLikeFailedSignInsAndAreThrottled() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.VIEWER);
        // A console session: the one way to stand at this endpoint without knowing the password.
        Api console = IdentityFixtures.console(anonymous(), user);
        String hashBefore = passwordHash(user);
        for (int i = 0; i < 5; i++) {
            assertThat(console.post("/api/v1/auth/password", change("guess-" + i, "a-brand-new-password")).status())
                    .isEqualTo(400);
        }

        var refused = console.post("/api/v1/auth/password", change(user.password(), "a-brand-new-password"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.isProblem()).isTrue();
        assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 900L);
        assertThat(passwordHash(user)).as("the right password was not even checked").isEqualTo(hashBefore);
        assertThat(anonymous().basic(user.username(), user.password()).get("/api/v1/auth/me").status())
                .as("one throttle for sign-ins and password changes").isEqualTo(429);
    }

    @Test
    void aTokenCannotChangeAPassword() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.ADMIN);
        Token token = fixtures.token(fixtures.as(user));

        var response = anonymous().bearer(token.value())
                .post("/api/v1/auth/password", change(user.password(), "a-brand-new-password"));

        ApiTokensApiTests.assertRefusedToAToken(response);
        assertThat(fixtures.as(user).get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void changingTheOwnPasswordRevokesTheOwnTokens() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.OPERATOR);
        Token token = fixtures.token(fixtures.as(user));

        var response = fixtures.as(user).post("/api/v1/auth/password", change(user.password(), "a-brand-new-password"));

        assertThat(response.status()).as(response.toString()).isEqualTo(204);
        assertThat(anonymous().bearer(token.value()).get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void passwordChangeIsAuditedWithoutThePasswords() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.VIEWER);
        fixtures.as(user).post("/api/v1/auth/password", change(user.password(), "a-brand-new-password"));

        var events = admin().get("/api/v1/audit-events?action=user.password-changed&entityId=" + user.id());

        assertThat(events.json().get("items").size()).isEqualTo(1);
        assertThat(events.json().get("items").get(0).get("actor").asString()).isEqualTo(user.username());
        assertThat(events.body()).doesNotContain(user.password()).doesNotContain("a-brand-new-password");
    }
}
