package io.devops.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.identity.IdentityFixtures.Account;
import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.Test;

/** Every user, whatever the role, changes their own password by proving the current one. */
class OwnPasswordApiTests extends ApiTest {

    private IdentityFixtures fixtures() {
        return new IdentityFixtures(admin());
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
