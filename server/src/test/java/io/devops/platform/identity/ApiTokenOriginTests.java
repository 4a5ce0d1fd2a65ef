package io.devops.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.identity.IdentityFixtures.Account;
import io.devops.platform.identity.IdentityFixtures.Token;
import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A token made from another never outlives it. No API call makes one today (an API token cannot
 * make tokens), so these tokens are made through the repository, the way such a call would.
 */
class ApiTokenOriginTests extends ApiTest {

    @Autowired
    ApiTokens tokens;

    @Test
    void revokingATokenRevokesTheTokensMadeFromItAtAnyDepth() {
        var fixtures = new IdentityFixtures(admin());
        Account user = fixtures.user(Role.OPERATOR);
        Api owner = fixtures.as(user);
        Token parent = fixtures.token(owner);
        Token child = madeFrom(user, parent.id(), null);
        Token grandchild = madeFrom(user, child.id(), null);
        Token unrelated = fixtures.token(owner);
        assertThat(anonymous().bearer(grandchild.value()).get("/api/v1/auth/me").status()).isEqualTo(200);

        assertThat(owner.delete("/api/v1/api-tokens/" + parent.id()).status()).isEqualTo(204);

        for (Token gone : new Token[] {parent, child, grandchild}) {
            assertThat(anonymous().bearer(gone.value()).get("/api/v1/auth/me").status()).isEqualTo(401);
        }
        assertThat(anonymous().bearer(unrelated.value()).get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(tokens.byId(grandchild.id()).orElseThrow().createdFromTokenId()).isEqualTo(child.id());
    }

    @Test
    void aTokenMadeFromAnotherExpiresNoLaterThanIt() {
        var fixtures = new IdentityFixtures(admin());
        Account user = fixtures.user(Role.OPERATOR);
        var created = fixtures.as(user).post("/api/v1/api-tokens", "{\"name\":\"parent\",\"expiresInDays\":2}");
        long parentId = created.id();
        Instant parentExpiry = Instant.parse(created.json().get("expiresAt").asString());

        Token forever = madeFrom(user, parentId, null);
        Token later = madeFrom(user, parentId, parentExpiry.plus(Duration.ofDays(30)));
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        Token sooner = madeFrom(user, parentId, tomorrow);

        assertThat(expiryOf(forever)).isEqualTo(parentExpiry);
        assertThat(expiryOf(later)).isEqualTo(parentExpiry);
        assertThat(expiryOf(sooner)).isEqualTo(tomorrow);
    }

    private Token madeFrom(Account user, long parentId, Instant expiresAt) {
        String value = TokenCodec.newApiToken();
        long id = tokens.insert(user.id(), parentId, IdentityFixtures.uniqueName("child"), TokenCodec.sha256(value),
                TokenCodec.displayPrefix(value), TokenScope.ALL, expiresAt, Instant.now(), user.username());
        return new Token(id, value);
    }

    private Instant expiryOf(Token token) {
        return tokens.byId(token.id()).orElseThrow().expiresAt();
    }
}
