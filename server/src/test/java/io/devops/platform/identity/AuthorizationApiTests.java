package io.devops.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.Test;

/** Roles: VIEWER reads, OPERATOR changes inventory, catalog and runs, ADMIN also manages users. */
class AuthorizationApiTests extends ApiTest {

    private IdentityFixtures fixtures() {
        return new IdentityFixtures(admin());
    }

    private Api viewer() {
        var fixtures = fixtures();
        return fixtures.as(fixtures.user(Role.VIEWER));
    }

    private Api operator() {
        var fixtures = fixtures();
        return fixtures.as(fixtures.user(Role.OPERATOR));
    }

    @Test
    void viewerCanRead() {
        Api viewer = viewer();
        assertThat(viewer.get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/api-tokens").status()).isEqualTo(200);
        // Whatever inventory answers (a page, or 404 before it exists), it is not a refusal.
        assertThat(viewer.get("/api/v1/nodes").status()).isNotIn(401, 403);
        assertThat(viewer.get("/api/v1/tenants").status()).isNotIn(401, 403);
    }

    @Test
    void viewerWritesGet403ProblemJson() {
        Api viewer = viewer();
        assertForbidden(viewer.post("/api/v1/tenants", "{\"name\":\"" + unique("t") + "\"}"));
        assertForbidden(viewer.put("/api/v1/tenants/1", "{\"name\":\"" + unique("t") + "\"}"));
        assertForbidden(viewer.delete("/api/v1/nodes/1"));
        assertForbidden(viewer.post("/api/v1/nodes/1/lock", "{\"reason\":\"x\"}"));
    }

    @Test
    void viewerCannotManageUsers() {
        Api viewer = viewer();
        var response = viewer.post("/api/v1/users", """
                {"username":"%s","password":"long-enough-password","role":"ADMIN"}""".formatted(unique("sneaky")));
        assertForbidden(response);
        assertThat(response.json().get("detail").asString()).contains("role");
        assertForbidden(viewer.get("/api/v1/users"));
    }

    @Test
    void operatorCannotManageUsers() {
        Api operator = operator();
        assertForbidden(operator.get("/api/v1/users"));
        assertForbidden(operator.get("/api/v1/users/1"));
        assertForbidden(operator.post("/api/v1/users", """
                {"username":"%s","password":"long-enough-password","role":"OPERATOR"}""".formatted(unique("sneaky"))));
        assertForbidden(operator.put("/api/v1/users/1", IdentityFixtures.userChange(Role.VIEWER, false)));
        assertForbidden(operator.delete("/api/v1/users/1"));
    }

    @Test
    void operatorWritesPassTheRoleCheck() {
        var response = operator().post("/api/v1/tenants", "{\"name\":\"" + unique("t") + "\"}");
        assertThat(response.status()).as(response.toString()).isNotIn(401, 403);
    }

    @Test
    void viewerCannotReadTheAuditTrailButAnOperatorCan() {
        assertForbidden(viewer().get("/api/v1/audit-events"));
        assertThat(operator().get("/api/v1/audit-events").status()).isEqualTo(200);
    }

    @Test
    void aTokenActsWithItsOwnersCurrentRole() {
        var fixtures = fixtures();
        var user = fixtures.user(Role.OPERATOR);
        var token = fixtures.token(fixtures.as(user));
        Api bearer = anonymous().bearer(token.value());
        assertThat(bearer.get("/api/v1/audit-events").status()).isEqualTo(200);

        admin().put("/api/v1/users/" + user.id(), IdentityFixtures.userChange(Role.VIEWER, true));

        assertForbidden(bearer.get("/api/v1/audit-events"));
        assertForbidden(bearer.post("/api/v1/tenants", "{\"name\":\"" + unique("t") + "\"}"));
    }

    private static void assertForbidden(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.json().get("status").asInt()).isEqualTo(403);
    }
}
