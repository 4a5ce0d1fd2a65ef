package io.devops.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.identity.IdentityFixtures.Account;
import io.devops.platform.identity.IdentityFixtures.Token;
import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Passwords, tokens and their hashes go in, and never come out: not in an answer, not in a log
 * line. The server logs to the console, which the extension captures.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayHiddenTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private final List<Api.Response> responses = new ArrayList<>();

    private Api.Response keep(Api.Response response) {
        responses.add(response);
        return response;
    }

    @Test
    void passwordsTokensAndHashesNeverAppearInAnswersOrLogs(CapturedOutput output) {
        var fixtures = new IdentityFixtures(admin());
        Account user = fixtures.user(Role.OPERATOR);
        String wrongPassword = "wrong-" + unique("guess");
        String newPassword = "new-" + unique("password");

        Api browser = anonymous().withCookies();
        keep(browser.post("/api/v1/auth/login", login(user.username(), wrongPassword)));
        keep(browser.post("/api/v1/auth/login", login(user.username(), user.password())));
        keep(browser.post("/api/v1/auth/login", "{\"username\":\"" + user.username() + "\",\"password\":" + wrongPassword + "}"));
        keep(anonymous().basic(user.username(), wrongPassword).get("/api/v1/auth/me"));
        Token token = fixtures.token(fixtures.as(user));
        keep(anonymous().bearer(token.value()).get("/api/v1/auth/me"));
        keep(anonymous().bearer(token.value()).get("/api/v1/api-tokens"));
        keep(fixtures.as(user).delete("/api/v1/api-tokens/" + token.id()));
        keep(anonymous().bearer(token.value()).get("/api/v1/auth/me"));
        keep(fixtures.as(user).post("/api/v1/auth/password",
                "{\"currentPassword\":\"" + user.password() + "\",\"newPassword\":\"" + newPassword + "\"}"));
        keep(admin().put("/api/v1/users/" + user.id(), "{\"role\":\"VIEWER\",\"enabled\":true,\"password\":\"" + user.password() + "\"}"));
        keep(admin().get("/api/v1/users/" + user.id()));
        keep(admin().get("/api/v1/users?size=500&sort=id,desc"));
        keep(admin().get("/api/v1/audit-events?size=500"));
        keep(admin().get("/api/v1/api-tokens?size=500&sort=id,desc"));
        String passwordHash = jdbc.sql("SELECT password_hash FROM users WHERE id = ?").param(user.id()).query(String.class).single();

        List<String> secrets = List.of(user.password(), wrongPassword, newPassword, token.value(),
                TokenCodec.sha256(token.value()), passwordHash, ADMIN_PASSWORD);
        for (String secret : secrets) {
            assertThat(output.getAll()).as("the server's output").doesNotContain(secret);
            assertThat(responses).allSatisfy(response -> assertThat(response.body()).doesNotContain(secret));
        }
        // The attempts are logged, by name and without the password, so the capture does see the server's log.
        assertThat(output.getAll()).contains("Failed sign-in for '" + user.username() + "'");
    }

    private static String login(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }
}
