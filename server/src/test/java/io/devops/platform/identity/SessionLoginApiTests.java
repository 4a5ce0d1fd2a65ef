package io.devops.platform.identity;

import static io.devops.platform.identity.IdentityFixtures.userChange;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.identity.IdentityFixtures.Account;
import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.net.HttpCookie;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's way in: a JSON login, a session cookie, and the XSRF-TOKEN cookie echoed on changes. */
class SessionLoginApiTests extends ApiTest {

    private IdentityFixtures fixtures() {
        return new IdentityFixtures(admin());
    }

    /** A browser-like client signed in as the account. */
    private Api signedIn(Account account) {
        Api browser = anonymous().withCookies();
        var login = login(browser, account.username(), account.password());
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return browser;
    }

    private static Api.Response login(Api browser, String username, String password) {
        return browser.post("/api/v1/auth/login", """
                {"username":"%s","password":"%s"}""".formatted(username, password));
    }

    /** The browser echoing the XSRF-TOKEN cookie in the X-XSRF-TOKEN header, as the console does. */
    private static Api withCsrfHeader(Api browser) {
        return browser.header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN").orElseThrow().getValue());
    }

    @Test
    void loginAnswersTheUserAndSetsAnHttpOnlySessionCookie() {
        Account user = fixtures().user(Role.OPERATOR);
        Api browser = anonymous().withCookies();

        var response = login(browser, user.username(), user.password());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("username").asString()).isEqualTo(user.username());
        assertThat(response.json().get("role").asString()).isEqualTo("OPERATOR");
        assertThat(response.body()).doesNotContain(user.password());
        HttpCookie session = browser.cookie("JSESSIONID").orElseThrow();
        assertThat(session.isHttpOnly()).isTrue();
        // The console reads this one from JavaScript to send it back as a header.
        assertThat(browser.cookie("XSRF-TOKEN").orElseThrow().isHttpOnly()).isFalse();
    }

    @Test
    void sessionCookieSignsInLaterCalls() {
        Account user = fixtures().user(Role.VIEWER);
        Api browser = signedIn(user);

        var me = browser.get("/api/v1/auth/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo(user.username());
    }

    @Test
    void changeWithTheSessionCookieButNoCsrfHeaderIs403ProblemJson() {
        Api browser = signedIn(fixtures().user(Role.OPERATOR));

        var response = browser.post("/api/v1/api-tokens", "{\"name\":\"from-console\"}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asString()).contains("X-XSRF-TOKEN");
    }

    @Test
    void changeWithAWrongCsrfHeaderIs403() {
        Api browser = signedIn(fixtures().user(Role.OPERATOR));

        var response = browser.header("X-XSRF-TOKEN", "forged").post("/api/v1/api-tokens", "{\"name\":\"from-console\"}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void changeWithTheCsrfCookieEchoedInTheHeaderWorks() {
        Api browser = signedIn(fixtures().user(Role.OPERATOR));

        var response = withCsrfHeader(browser).post("/api/v1/api-tokens", "{\"name\":\"from-console\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(withCsrfHeader(browser).delete("/api/v1/api-tokens/" + response.id()).status()).isEqualTo(204);
    }

    @Test
    void signingInIssuesAFreshSessionAndCsrfToken() {
        Account user = fixtures().user(Role.VIEWER);
        Api browser = signedIn(user);
        String firstSession = browser.cookie("JSESSIONID").orElseThrow().getValue();
        String firstCsrf = browser.cookie("XSRF-TOKEN").orElseThrow().getValue();

        assertThat(login(browser, user.username(), user.password()).status()).isEqualTo(200);

        // Nobody who planted or saw the cookies before sign-in can ride on the new session.
        assertThat(browser.cookie("JSESSIONID").orElseThrow().getValue()).isNotEqualTo(firstSession);
        assertThat(browser.cookie("XSRF-TOKEN").orElseThrow().getValue()).isNotEqualTo(firstCsrf);
        assertThat(withCsrfHeader(browser).post("/api/v1/api-tokens", "{\"name\":\"t\"}").status()).isEqualTo(201);
    }

    @Test
    void logoutEndsTheSession() {
        Api browser = signedIn(fixtures().user(Role.VIEWER));
        assertThat(browser.get("/api/v1/auth/me").status()).isEqualTo(200);

        var logout = withCsrfHeader(browser).post("/api/v1/auth/logout", "");

        assertThat(logout.status()).isEqualTo(204);
        var after = browser.get("/api/v1/auth/me");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.isProblem()).isTrue();
    }

    @Test
    void guessingIsRefusedWith429UntilTheWindowPassesEvenWithTheRightPassword() {
        Account user = fixtures().user(Role.VIEWER);
        for (int i = 0; i < 5; i++) {
            assertThat(login(anonymous().withCookies(), user.username(), "guess-" + i).status()).isEqualTo(401);
        }

        var byLogin = login(anonymous().withCookies(), user.username(), user.password());
        var byBasic = anonymous().basic(user.username(), user.password()).get("/api/v1/auth/me");

        for (var refused : List.of(byLogin, byBasic)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().get("detail").asString()).contains("Too many failed sign-ins").contains("try again in");
            assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 900L);
        }
        Account other = fixtures().user(Role.VIEWER);
        assertThat(login(anonymous().withCookies(), other.username(), other.password()).status())
                .as("other users from the same address sign in").isEqualTo(200);
    }

    @Test
    void wrongPasswordIs401ProblemJson() {
        Account user = fixtures().user(Role.VIEWER);
        Api browser = anonymous().withCookies();

        var response = login(browser, user.username(), "not-the-password");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asString()).contains("Wrong username or password");
        assertThat(browser.get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void unknownUserAndDisabledUserGetTheSameAnswerAsAWrongPassword() {
        Account user = fixtures().user(Role.VIEWER);
        String wrongPassword = login(anonymous().withCookies(), user.username(), "not-the-password").body();
        admin().put("/api/v1/users/" + user.id(), userChange(Role.VIEWER, false));

        var disabled = login(anonymous().withCookies(), user.username(), user.password());
        var unknown = login(anonymous().withCookies(), unique("nobody"), user.password());

        assertThat(disabled.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(disabled.body()).isEqualTo(wrongPassword);
        assertThat(unknown.body()).isEqualTo(wrongPassword);
    }

    @Test
    void loginWithoutUsernameOrPasswordIs400() {
        var response = anonymous().withCookies().post("/api/v1/auth/login", "{\"username\":\"admin\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
    }

    @Test
    void malformedLoginBodyIs400AndDoesNotEchoThePassword() {
        var response = anonymous().post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":s3cr3t-unquoted}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body()).doesNotContain("s3cr3t");
    }

    @Test
    void sessionEndsWhenTheUserIsDisabled() {
        Account user = fixtures().user(Role.OPERATOR);
        Api browser = signedIn(user);

        admin().put("/api/v1/users/" + user.id(), userChange(Role.OPERATOR, false));

        var response = browser.get("/api/v1/auth/me");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void sessionEndsWhenTheUserIsDeleted() {
        Account user = fixtures().user(Role.OPERATOR);
        Api browser = signedIn(user);

        admin().delete("/api/v1/users/" + user.id());

        assertThat(browser.get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void changingThePasswordEndsOtherSessionsButKeepsTheOneThatChangedIt() {
        Account user = fixtures().user(Role.VIEWER);
        Api here = signedIn(user);
        Api elsewhere = signedIn(user);

        var change = withCsrfHeader(here).post("/api/v1/auth/password",
                "{\"currentPassword\":\"" + user.password() + "\",\"newPassword\":\"changed-in-the-console\"}");

        assertThat(change.status()).as(change.toString()).isEqualTo(204);
        assertThat(here.get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(withCsrfHeader(here).post("/api/v1/api-tokens", "{\"name\":\"t\"}").status()).isEqualTo(201);
        assertThat(elsewhere.get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void anAdminsPasswordResetEndsTheUsersSessions() {
        Account user = fixtures().user(Role.OPERATOR);
        Api browser = signedIn(user);

        admin().put("/api/v1/users/" + user.id(), "{\"role\":\"OPERATOR\",\"password\":\"reset-by-the-admin\"}");

        assertThat(browser.get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void aSessionCookieCannotLendItsUserToABearerToken() {
        var fixtures = fixtures();
        Account operator = fixtures.user(Role.OPERATOR);
        Account viewer = fixtures.user(Role.VIEWER);
        var viewersToken = fixtures.token(fixtures.as(viewer));
        Api browser = signedIn(operator);

        var asToken = browser.bearer(viewersToken.value()).get("/api/v1/auth/me");
        var asSession = browser.get("/api/v1/auth/me");

        assertThat(asToken.json().get("username").asString()).isEqualTo(viewer.username());
        assertThat(asSession.json().get("username").asString()).isEqualTo(operator.username());
    }

    @Test
    void aDemotedUsersSessionLosesTheOldRoleAtOnce() {
        Account user = fixtures().user(Role.ADMIN);
        Api browser = signedIn(user);
        assertThat(browser.get("/api/v1/users").status()).isEqualTo(200);

        admin().put("/api/v1/users/" + user.id(), userChange(Role.VIEWER, true));

        assertThat(browser.get("/api/v1/users").status()).isIn(401, 403);
    }
}
