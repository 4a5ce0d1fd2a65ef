package io.devops.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.identity.IdentityFixtures.Account;
import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.Test;

/** An admin's edit of a user is checked against the version it was based on, like inventory edits. */
class StaleUserEditsApiTests extends ApiTest {

    @Test
    void aStaleEditOfAUserIs409AndDoesNotChangeTheRole() {
        Account user = new IdentityFixtures(admin()).user(Role.VIEWER);
        String path = "/api/v1/users/" + user.id();
        var read = admin().get(path);
        assertThat(read.header("ETag")).contains("\"1\"");
        assertThat(read.json().get("version").asLong()).isEqualTo(1);

        var first = admin().header("If-Match", "\"1\"").put(path, IdentityFixtures.userChange(Role.OPERATOR, true));
        var stale = admin().header("If-Match", "\"1\"").put(path, IdentityFixtures.userChange(Role.ADMIN, true));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("version").asLong()).isEqualTo(2);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.isProblem()).isTrue();
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(admin().get(path).json().get("role").asString()).isEqualTo("OPERATOR");
    }

    @Test
    void anEditWithoutAVersionIsStillAccepted() {
        Account user = new IdentityFixtures(admin()).user(Role.VIEWER);

        var edited = admin().put("/api/v1/users/" + user.id(), IdentityFixtures.userChange(Role.OPERATOR, true));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("version").asLong()).isEqualTo(2);
    }
}
