package io.devops.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.identity.IdentityFixtures.Account;
import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The client's address behind a load balancer. The test profile trusts 127.0.0.1 and ::1 as proxies
 * (the usual test client); a connection from 127.0.0.9 is a stranger whose forwarded headers count
 * for nothing. What the server took as the address shows in a token's last-used address and in the
 * sign-in throttle, which counts failures per user and address.
 */
class ForwardedClientApiTests extends ApiTest {

    private static final String STRANGER = "127.0.0.9";

    private IdentityFixtures fixtures() {
        return new IdentityFixtures(admin());
    }

    /** A token and its owner, to read back where the token was last used from. */
    private record Token(Api owner, String value) {

        String lastUsedAddress() {
            return owner.get("/api/v1/api-tokens").json().get("items").get(0).get("lastUsedAddress").asString();
        }
    }

    private Token token() {
        Api owner = fixtures().as(fixtures().user(Role.VIEWER));
        var created = owner.post("/api/v1/api-tokens", "{\"name\":\"lb\",\"scopes\":[\"read\"]}");
        return new Token(owner, created.json().get("token").asString());
    }

    /** GET /api/v1/auth/me over a connection from {@code from}; answers the status code. */
    private int meFrom(String from, String authorization, String header, String value) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/auth/me HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: "
                    + authorization + "\r\n" + header + ": " + value + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void forwardedHeadersFromAnUntrustedPeerAreIgnored() throws IOException {
        Token token = token();

        assertThat(meFrom(STRANGER, "Bearer " + token.value(), "X-Forwarded-For", "203.0.113.7")).isEqualTo(200);

        assertThat(token.lastUsedAddress()).isEqualTo(STRANGER);
    }

    @Test
    void behindATrustedProxyTheClientIsTheNearestAddressThatIsNotAProxy() {
        Token token = token();

        var me = anonymous().bearer(token.value()).header("X-Forwarded-For", "198.51.100.1, 203.0.113.8, 127.0.0.1")
                .get("/api/v1/auth/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(token.lastUsedAddress()).as("the left-most entry is whatever the client wrote").isEqualTo("203.0.113.8");
    }

    @Test
    void theStandardForwardedHeaderIsReadToo() {
        Token token = token();

        anonymous().bearer(token.value()).header("Forwarded", "for=\"[2001:db8::17]:4711\";proto=https")
                .get("/api/v1/auth/me");

        assertThat(token.lastUsedAddress()).isEqualTo("2001:db8:0:0:0:0:0:17");
    }

    @Test
    void aLockoutFromOneAddressDoesNotLockTheUserOutFromAnother() {
        Account user = fixtures().user(Role.VIEWER);
        Api guesser = anonymous().header("X-Forwarded-For", "203.0.113.20");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.basic(user.username(), "guess-" + i).get("/api/v1/auth/me").status()).isEqualTo(401);
        }

        var locked = guesser.basic(user.username(), user.password()).get("/api/v1/auth/me");
        var elsewhere = anonymous().header("X-Forwarded-For", "203.0.113.21").basic(user.username(), user.password())
                .get("/api/v1/auth/me");
        var direct = anonymous().basic(user.username(), user.password()).get("/api/v1/auth/me");

        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(200);
        assertThat(direct.status()).as(direct.toString()).isEqualTo(200);
    }

    @Test
    void anUntrustedPeerCannotDodgeTheLockoutByWritingOtherAddresses() throws IOException {
        Account user = fixtures().user(Role.VIEWER);
        for (int i = 0; i < 5; i++) {
            assertThat(meFrom(STRANGER, basic(user.username(), "guess-" + i), "X-Forwarded-For", "203.0.113." + (30 + i)))
                    .isEqualTo(401);
        }

        assertThat(meFrom(STRANGER, basic(user.username(), user.password()), "X-Forwarded-For", "203.0.113.99"))
                .isEqualTo(429);
        assertThat(anonymous().basic(user.username(), user.password()).get("/api/v1/auth/me").status()).isEqualTo(200);
    }
}
