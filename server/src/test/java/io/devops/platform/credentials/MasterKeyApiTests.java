package io.devops.platform.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An admin can see where the credentials' master key comes from and whether it works; nobody sees the key. */
class MasterKeyApiTests extends ApiTest {

    @Test
    void anAdminSeesTheKeysOriginAndThatItWorksButNeverTheKey() {
        var response = admin().get("/api/v1/settings/master-key");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode status = response.json();
        assertThat(status.get("origin").asString()).isEqualTo("ENVIRONMENT"); // the tests set devops.secret-key
        assertThat(status.get("usable").asBoolean()).isTrue();
        assertThat(status.hasNonNull("problem")).isFalse();
        assertThat(response.body()).doesNotContain("test-only-master-key");
    }

    @Test
    void onlyAnAdminMayAsk() {
        String viewer = unique("keyviewer");
        var user = admin().post("/api/v1/users", "{\"username\":\"" + viewer + "\",\"password\":\"viewer-password-1\",\"role\":\"OPERATOR\"}");
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        Api operator = anonymous().basic(viewer, "viewer-password-1");

        assertThat(operator.get("/api/v1/settings/master-key").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/v1/settings/master-key").status()).isEqualTo(401);
    }
}
