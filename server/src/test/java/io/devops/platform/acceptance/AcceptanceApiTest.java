package io.devops.platform.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;

/** The acceptance API tests' base: what an ADMIN may change, tried as users of lesser roles. */
abstract class AcceptanceApiTest extends ApiTest {

    /** A new user with this global role, signed in. */
    protected Api user(String role) {
        String name = unique("acceptance").toLowerCase();
        String password = "pw-" + unique("secret") + "-Long";
        Api.Response created = admin().post("/api/v1/users", """
                {"username":"%s","displayName":"Test","password":"%s","role":"%s"}""".formatted(name, password, role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return anonymous().basic(name, password);
    }
}
