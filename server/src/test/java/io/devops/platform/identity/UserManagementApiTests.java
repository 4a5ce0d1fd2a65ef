package io.devops.platform.identity;

import static io.devops.platform.identity.IdentityFixtures.userChange;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.identity.IdentityFixtures.Account;
import io.devops.platform.identity.IdentityFixtures.Token;
import io.devops.platform.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class UserManagementApiTests extends ApiTest {

    private IdentityFixtures fixtures() {
        return new IdentityFixtures(admin());
    }

    @Test
    void adminCreatesOperatorsAndViewers() {
        for (Role role : List.of(Role.OPERATOR, Role.VIEWER)) {
            String username = unique("new");
            var created = admin().post("/api/v1/users", """
                    {"username":"%s","displayName":"New One","password":"a-long-password","role":"%s"}"""
                    .formatted(username, role));

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            JsonNode user = created.json();
            assertThat(user.get("username").asString()).isEqualTo(username);
            assertThat(user.get("displayName").asString()).isEqualTo("New One");
            assertThat(user.get("role").asString()).isEqualTo(role.name());
            assertThat(user.get("enabled").asBoolean()).isTrue();
            assertThat(user.get("createdBy").asString()).isEqualTo("admin");
            assertThat(created.body()).doesNotContainIgnoringCase("password");

            var read = admin().get("/api/v1/users/" + created.id());
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("role").asString()).isEqualTo(role.name());
            assertThat(anonymous().basic(username, "a-long-password").get("/api/v1/auth/me").json().get("role").asString())
                    .isEqualTo(role.name());
        }
    }

    @Test
    void aUserSignsInWithAnAsciiNameAndIsShownByAChineseDisplayName() {
        String username = unique("zhang");
        var created = admin().post("/api/v1/users", """
                {"username":"%s","displayName":"张三（交付组）","password":"a-long-password","role":"VIEWER"}""".formatted(username));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("displayName").asString()).isEqualTo("张三（交付组）");

        var chineseLogin = admin().post("/api/v1/users", """
                {"username":"张三","password":"a-long-password","role":"VIEWER"}""");
        assertThat(chineseLogin.status()).isEqualTo(400);
        assertThat(chineseLogin.json().get("errors").get(0).get("rule").asString()).isEqualTo("username.format");
        assertThat(chineseLogin.json().get("errors").get(0).get("message").asString()).contains("displayName");

        var tooLong = admin().post("/api/v1/users", """
                {"username":"%s","displayName":"%s","password":"a-long-password","role":"VIEWER"}"""
                .formatted(unique("long"), "张".repeat(65)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("displayName");
        assertThat(tooLong.json().get("errors").get(0).get("rule").asString()).isEqualTo("name.length");
    }

    @Test
    void usersListIsPagedAndHidesPasswordHashes() {
        fixtures().user(Role.VIEWER);
        fixtures().user(Role.VIEWER);

        var page = admin().get("/api/v1/users?size=1&sort=id,desc");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items").size()).isEqualTo(1);
        assertThat(page.json().get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page.json().get("size").asInt()).isEqualTo(1);
        assertThat(admin().get("/api/v1/users?size=500").body()).doesNotContainIgnoringCase("password").doesNotContain("{bcrypt}");
    }

    @Test
    void duplicateUsernameIs409() {
        Account existing = fixtures().user(Role.VIEWER);

        var response = admin().post("/api/v1/users", """
                {"username":"%s","password":"another-long-password","role":"OPERATOR"}""".formatted(existing.username()));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asString()).contains(existing.username());
    }

    @Test
    void usernamesDifferingOnlyInCaseAreDuplicates() {
        Account existing = fixtures().user(Role.VIEWER);

        var response = admin().post("/api/v1/users", """
                {"username":"%s","password":"another-long-password","role":"ADMIN"}""".formatted(existing.username().toUpperCase()));

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
    }

    @Test
    void weakPasswordIs400WithAFieldError() {
        var response = admin().post("/api/v1/users", """
                {"username":"%s","password":"short-pw","role":"VIEWER"}""".formatted(unique("weak")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(response.json().get("detail").asString()).contains("10");
    }

    @Test
    void passwordLongerThanBcryptCanHashIs400NotAServerError() {
        var response = admin().post("/api/v1/users", """
                {"username":"%s","password":"%s","role":"VIEWER"}""".formatted(unique("long"), "x".repeat(100)));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
    }

    @Test
    void invalidUsernameIs400WithAFieldError() {
        for (String username : List.of("has space", "-leading-dash", "semi;colon", "x".repeat(65))) {
            var response = admin().post("/api/v1/users", """
                    {"username":"%s","password":"a-long-password","role":"VIEWER"}""".formatted(username));

            assertThat(response.status()).as(username + ": " + response).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
        }
    }

    @Test
    void missingOrUnknownRoleIs400() {
        var missing = admin().post("/api/v1/users", """
                {"username":"%s","password":"a-long-password"}""".formatted(unique("norole")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("role");

        var unknown = admin().post("/api/v1/users", """
                {"username":"%s","password":"a-long-password","role":"ROOT"}""".formatted(unique("root")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.isProblem()).isTrue();
    }

    @Test
    void adminChangesRoleAndDisplayName() {
        Account user = fixtures().user(Role.VIEWER);

        var response = admin().put("/api/v1/users/" + user.id(), """
                {"displayName":"Promoted","role":"OPERATOR","enabled":true}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("role").asString()).isEqualTo("OPERATOR");
        assertThat(response.json().get("displayName").asString()).isEqualTo("Promoted");
        assertThat(response.json().get("updatedBy").asString()).isEqualTo("admin");
    }

    @Test
    void adminResetsAUsersPassword() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.VIEWER);

        var response = admin().put("/api/v1/users/" + user.id(), """
                {"role":"VIEWER","enabled":true,"password":"reset-by-admin-1"}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(fixtures.as(user).get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(anonymous().basic(user.username(), "reset-by-admin-1").get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void aRefusedChangeChangesNothing() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.VIEWER);

        var response = admin().put("/api/v1/users/" + user.id(), """
                {"role":"ADMIN","enabled":true,"password":"short"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(admin().get("/api/v1/users/" + user.id()).json().get("role").asString()).isEqualTo("VIEWER");
    }

    @Test
    void unknownUserIs404() {
        assertThat(admin().get("/api/v1/users/" + Long.MAX_VALUE).status()).isEqualTo(404);
        assertThat(admin().put("/api/v1/users/" + Long.MAX_VALUE, userChange(Role.VIEWER, true)).status()).isEqualTo(404);
        var deleted = admin().delete("/api/v1/users/" + Long.MAX_VALUE);
        assertThat(deleted.status()).isEqualTo(404);
        assertThat(deleted.isProblem()).isTrue();
    }

    @Test
    void deletingAUserRevokesTheirTokens() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.OPERATOR);
        Token token = fixtures.token(fixtures.as(user));
        assertThat(anonymous().bearer(token.value()).get("/api/v1/auth/me").status()).isEqualTo(200);

        assertThat(admin().delete("/api/v1/users/" + user.id()).status()).isEqualTo(204);

        assertThat(anonymous().bearer(token.value()).get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(fixtures.as(user).get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(admin().get("/api/v1/users/" + user.id()).status()).isEqualTo(404);
    }

    @Test
    void aDeletedUsersNameCanBeUsedAgainWithoutInheritingTheirTokens() {
        var fixtures = fixtures();
        Account user = fixtures.user(Role.OPERATOR);
        Token token = fixtures.token(fixtures.as(user));
        admin().delete("/api/v1/users/" + user.id());

        var again = admin().post("/api/v1/users", """
                {"username":"%s","password":"a-new-long-password","role":"VIEWER"}""".formatted(user.username()));

        assertThat(again.status()).isEqualTo(201);
        assertThat(anonymous().bearer(token.value()).get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void adminCannotDeleteTheirOwnAccount() {
        long adminId = admin().get("/api/v1/auth/me").id();

        var response = admin().delete("/api/v1/users/" + adminId);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void lastEnabledAdminCannotBeDisabledDemotedOrDeleted() {
        long adminId = admin().get("/api/v1/auth/me").id();
        List<Long> otherAdmins = disableEveryOtherAdmin(adminId);
        try {
            var disable = admin().put("/api/v1/users/" + adminId, userChange(Role.ADMIN, false));
            assertThat(disable.status()).as(disable.toString()).isEqualTo(409);
            assertThat(disable.json().get("detail").asString()).contains("last enabled admin");

            var demote = admin().put("/api/v1/users/" + adminId, userChange(Role.OPERATOR, true));
            assertThat(demote.status()).isEqualTo(409);

            assertThat(admin().delete("/api/v1/users/" + adminId).status()).isEqualTo(409);
            assertThat(admin().get("/api/v1/auth/me").json().get("role").asString()).isEqualTo("ADMIN");
        } finally {
            otherAdmins.forEach(id -> admin().put("/api/v1/users/" + id, userChange(Role.ADMIN, true)));
        }
    }

    @Test
    void anAdminMayStepDownWhenAnotherAdminRemains() {
        var fixtures = fixtures();
        Account second = fixtures.user(Role.ADMIN);
        Account third = fixtures.user(Role.ADMIN);

        var response = fixtures.as(second).put("/api/v1/users/" + third.id(), userChange(Role.VIEWER, true));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("role").asString()).isEqualTo("VIEWER");
    }

    /** Leaves "admin" the only enabled admin; answers whom it disabled so that the test can restore them. */
    private List<Long> disableEveryOtherAdmin(long adminId) {
        List<Long> disabled = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode users = admin().get("/api/v1/users?size=500&sort=id,asc&page=" + page).json();
            for (JsonNode user : users.get("items")) {
                // A tenant-only user has no platform role (the field is absent), which other tests in the shared context create.
                if (user.get("id").asLong() != adminId && user.hasNonNull("role") && user.get("role").asString().equals("ADMIN")
                        && user.get("enabled").asBoolean()) {
                    var response = admin().put("/api/v1/users/" + user.get("id").asLong(), userChange(Role.ADMIN, false));
                    assertThat(response.status()).as(response.toString()).isEqualTo(200);
                    disabled.add(user.get("id").asLong());
                }
            }
            if ((long) (page + 1) * 500 >= users.get("total").asLong()) {
                return disabled;
            }
        }
    }
}
