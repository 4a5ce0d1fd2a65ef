package io.devops.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.Test;

class AuthenticationApiTests extends ApiTest {

    @Test
    void anonymousApiCallsGet401ProblemJson() {
        var response = anonymous().get("/api/v1/users");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asString()).contains("Sign in");
    }

    @Test
    void basicCredentialsOfTheFirstAdminAreAccepted() {
        var response = admin().get("/api/v1/auth/me");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void healthIsPublic() {
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
    }
}
