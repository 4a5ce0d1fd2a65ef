package io.devops.platform.identity;

import static io.devops.platform.identity.IdentityFixtures.userChange;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.identity.IdentityFixtures.Account;
import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.Test;

class AuthenticationApiTests extends ApiTest {

    private IdentityFixtures fixtures() {
        return new IdentityFixtures(admin());
    }

    @Test
    void anonymousApiCallsGet401ProblemJson() {
        var response = anonymous().get("/api/v1/users");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asString()).contains("Sign in");
    }

    @Test
    void anonymousWritesGet401NotACsrfError() {
        var response = anonymous().post("/api/v1/api-tokens", "{\"name\":\"x\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void basicCredentialsOfTheFirstAdminAreAccepted() {
        var response = admin().get("/api/v1/auth/me");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void wrongBasicPasswordGets401ProblemJson() {
        var response = anonymous().basic("admin", "not-the-password").get("/api/v1/auth/me");
        assertUnauthorized(response);
        assertThat(response.json().get("detail").asString()).contains("username or password");
    }

    @Test
    void basicCredentialsOfAnUnknownUserGet401ProblemJson() {
        assertUnauthorized(anonymous().basic(unique("nobody"), "whatever-password").get("/api/v1/auth/me"));
    }

    @Test
    void unknownBearerTokenGets401ProblemJson() {
        var response = anonymous().bearer("dvp_" + unique("made_up")).get("/api/v1/auth/me");
        assertUnauthorized(response);
        assertThat(response.json().get("detail").asString()).contains("unknown, revoked or expired");
    }

    @Test
    void unknownBearerTokenIsRefusedEvenOnPublicPaths() {
        assertUnauthorized(anonymous().bearer("dvp_nonsense").get("/actuator/health"));
    }

    @Test
    void anUnsupportedAuthorizationSchemeDoesNotSignIn() {
        assertUnauthorized(anonymous().header("Authorization", "Token abc").get("/api/v1/auth/me"));
    }

    @Test
    void disabledUserCannotSignInWithBasicCredentials() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.OPERATOR);
        assertThat(fixtures.as(user).get("/api/v1/auth/me").status()).isEqualTo(200);

        var disabled = admin().put("/api/v1/users/" + user.id(), userChange(Role.OPERATOR, false));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);

        var response = fixtures.as(user).get("/api/v1/auth/me");
        assertUnauthorized(response);
        // The same answer as for a wrong password, so that nobody learns which accounts exist.
        assertThat(response.json().get("detail").asString())
                .isEqualTo(anonymous().basic(user.username(), "wrong-password").get("/api/v1/auth/me").json().get("detail").asString());
    }

    @Test
    void reEnabledUserCanSignInAgain() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.VIEWER);
        admin().put("/api/v1/users/" + user.id(), userChange(Role.VIEWER, false));
        admin().put("/api/v1/users/" + user.id(), userChange(Role.VIEWER, true));
        assertThat(fixtures.as(user).get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void healthIsPublic() {
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void prometheusMetricsNeedCredentials() {
        assertUnauthorized(anonymous().get("/actuator/prometheus"));

        var response = admin().get("/actuator/prometheus");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void prometheusMetricsAreReadableByAViewer() {
        var fixtures = fixtures();
        var response = fixtures.as(fixtures.user(Role.VIEWER)).get("/actuator/prometheus");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void theApiDescriptionAndSwaggerUiNeedASignIn() {
        for (String path : new String[] {"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config",
                "/swagger-ui.html", "/swagger-ui/index.html"}) {
            assertUnauthorized(anonymous().get(path));
        }
    }

    @Test
    void aViewerReadsTheApiDescriptionAndSwaggerUi() {
        var fixtures = fixtures();
        Api viewer = fixtures.as(fixtures.user(Role.VIEWER));

        var ui = viewer.get("/swagger-ui/index.html");
        assertThat(ui.status()).as(ui.toString()).isEqualTo(200);
        assertThat(ui.contentType()).startsWith("text/html");
        assertThat(viewer.get("/v3/api-docs/swagger-config").status()).isEqualTo(200);
    }

    @Test
    void theConsoleAndTheApiSendAContentSecurityPolicyThatAllowsOnlyTheirOwnScripts() {
        for (var response : java.util.List.of(anonymous().get("/"), anonymous().get("/api/v1/nodes"))) {
            String policy = response.header("Content-Security-Policy").orElse("");
            assertThat(policy).as(response.toString()).contains("script-src 'self';").contains("frame-ancestors 'none'")
                    .contains("object-src 'none'").doesNotContain("unsafe-eval");
        }
    }

    @Test
    void openApiDescriptionListsTheIdentityPaths() {
        var fixtures = fixtures();
        var response = fixtures.as(fixtures.user(Role.VIEWER)).get("/v3/api-docs");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get("paths").propertyNames())
                .contains("/api/v1/users", "/api/v1/api-tokens", "/api/v1/auth/login", "/api/v1/audit-events");
    }

    private static void assertUnauthorized(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
    }
}
