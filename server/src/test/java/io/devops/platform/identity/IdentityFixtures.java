package io.devops.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import java.util.concurrent.atomic.AtomicLong;

/** Users and API tokens for identity tests, created through the real API by an admin. */
final class IdentityFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final Api admin;

    IdentityFixtures(Api admin) {
        this.admin = admin;
    }

    /** A new enabled user with a password of its own; names never repeat, even across runs. */
    Account user(Role role) {
        String username = uniqueName("user");
        String password = "pw-" + uniqueName("secret") + "-Long";
        var response = admin.post("/api/v1/users", """
                {"username":"%s","displayName":"Test %s","password":"%s","role":"%s"}"""
                .formatted(username, role, password, role));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Account(response.id(), username, password, role);
    }

    /** Signs in with HTTP Basic as the account. */
    Api as(Account account) {
        return admin.basic(account.username(), account.password());
    }

    /**
     * A browser-like client signed in to a console session as the account, echoing the XSRF-TOKEN
     * cookie in the X-XSRF-TOKEN header as the console does.
     */
    static Api console(Api anonymous, Account account) {
        Api browser = anonymous.withCookies();
        var login = browser.post("/api/v1/auth/login", """
                {"username":"%s","password":"%s"}""".formatted(account.username(), account.password()));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return browser.header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN").orElseThrow().getValue());
    }

    Token token(Api owner) {
        var response = owner.post("/api/v1/api-tokens", "{\"name\":\"" + uniqueName("token") + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Token(response.id(), response.json().get("token").asString());
    }

    /** A PUT body for /api/v1/users/{id}: the whole new state. */
    static String userChange(Role role, boolean enabled) {
        return "{\"role\":\"" + role + "\",\"enabled\":" + enabled + "}";
    }

    static String uniqueName(String prefix) {
        return prefix + "_" + Long.toString(SEQUENCE.incrementAndGet(), 36) + Long.toString(System.nanoTime() % 46656, 36);
    }

    record Account(long id, String username, String password, Role role) {
    }

    record Token(long id, String value) {
    }
}
