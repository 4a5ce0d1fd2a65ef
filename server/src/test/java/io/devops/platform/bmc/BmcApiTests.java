package io.devops.platform.bmc;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node's BMC through the API: stored and shown without the password, validated naming the field
 * with nothing changed, scoped like its node, and its credential kept while a BMC uses it.
 */
class BmcApiTests extends ApiTest {

    private static final long MISSING = 987_654_321L;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBmcIsSetReadAndRemovedAndItsPasswordIsNeverShown() {
        String password = unique("Bmc-pw");
        long credential = passwordCredential(password);
        long node = node(null);
        String path = "/api/v1/nodes/" + node + "/bmc";

        Api.Response set = admin().put(path, bmc("127.0.0.5", 16623, credential));
        Api.Response read = admin().get(path);

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(read.json().get("address").asString()).isEqualTo("127.0.0.5");
        assertThat(read.json().get("port").asInt()).isEqualTo(16623);
        assertThat(read.json().get("credentialId").asLong()).isEqualTo(credential);
        assertThat(read.json().get("protocol").asString()).isEqualTo("IPMI");
        assertThat(admin().get("/api/v1/credentials/" + credential).json().get("bmcCount").asLong()).isEqualTo(1);
        assertThat(admin().delete("/api/v1/credentials/" + credential).status()).isEqualTo(409);
        assertThat(List.of(set.body(), read.body(), admin().get("/api/v1/credentials/" + credential).body(),
                admin().get("/api/v1/audit-events?size=50").body())).allSatisfy(answer -> assertThat(answer).doesNotContain(password));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM credentials WHERE password LIKE ?").param("%" + password + "%")
                .query(Long.class).single()).isZero();

        assertThat(admin().delete(path).status()).isEqualTo(204);
        assertThat(admin().get(path).status()).isEqualTo(404);
    }

    @Test
    void aPutReplacesTheBmcAndDefaultsPortAndProtocol() {
        long credential = passwordCredential(unique("Bmc-pw"));
        String path = "/api/v1/nodes/" + node(null) + "/bmc";
        admin().put(path, bmc("127.0.0.5", 16623, credential));

        Api.Response replaced = admin().put(path, "{\"address\":\"bmc-07.rack3.example\",\"credentialId\":" + credential + "}");

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(admin().get(path).json().get("address").asString()).isEqualTo("bmc-07.rack3.example");
        assertThat(admin().get(path).json().get("port").asInt()).isEqualTo(623);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        long credential = passwordCredential(unique("Bmc-pw"));
        String path = "/api/v1/nodes/" + node(null) + "/bmc";
        Map<String, String> fieldOfBody = Map.of(
                bmc("-oProxyCommand=touch", 623, credential), "address",
                bmc("bmc host", 623, credential), "address",
                bmc("127.0.0.5", 0, credential), "port",
                bmc("127.0.0.5", 65536, credential), "port",
                bmc("127.0.0.5", 623, MISSING), "credentialId",
                "{\"address\":\"127.0.0.5\"}", "credentialId",
                "{\"address\":\"127.0.0.5\",\"credentialId\":" + credential + ",\"protocol\":\"REDFISH\"}", "protocol");

        fieldOfBody.forEach((body, field) -> {
            Api.Response refused = admin().put(path, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).as(body).isEqualTo(field);
        });
        assertThat(admin().get(path).status()).isEqualTo(404);
    }

    @Test
    void aPasswordCredentialNeedsItsPasswordAndAUserName() {
        Api.Response noPassword = admin().post("/api/v1/credentials",
                "{\"name\":\"" + unique("bmc") + "\",\"kind\":\"PASSWORD\",\"username\":\"ADMIN\"}");
        Api.Response noUser = admin().post("/api/v1/credentials",
                "{\"name\":\"" + unique("bmc") + "\",\"kind\":\"PASSWORD\",\"password\":\"x\"}");

        assertThat(noPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(noUser.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
    }

    @Test
    void anUpdateKeepsThePasswordLeftOutAndNeverChangesTheKind() {
        long credential = passwordCredential(unique("Bmc-pw"));
        String path = "/api/v1/credentials/" + credential;
        String sealedBefore = sealedPassword(credential);

        Api.Response renamed = admin().put(path, "{\"name\":\"" + unique("bmc") + "\",\"username\":\"root\"}");
        Api.Response toSsh = admin().put(path, "{\"name\":\"" + unique("bmc") + "\",\"kind\":\"SSH_KEY\",\"sshUser\":\"root\"}");

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("username").asString()).isEqualTo("root");
        assertThat(sealedPassword(credential)).isEqualTo(sealedBefore);
        assertThat(toSsh.status()).isEqualTo(400);
        assertThat(toSsh.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
    }

    private String sealedPassword(long credential) {
        return jdbc.sql("SELECT password FROM credentials WHERE id = ?").param(credential).query(String.class).single();
    }

    @Test
    void aTenantsMembersReadTheirNodesBmcAndOnlyTheOperationsTeamChangesIt() {
        long tenant = admin().post("/api/v1/tenants", "{\"name\":\"" + unique("tenant") + "\"}").id();
        long other = admin().post("/api/v1/tenants", "{\"name\":\"" + unique("tenant") + "\"}").id();
        long credential = passwordCredential(unique("Bmc-pw"));
        String path = "/api/v1/nodes/" + node(tenant) + "/bmc";
        String body = bmc("127.0.0.5", 623, credential);
        assertThat(admin().put(path, body).status()).isEqualTo(200);
        Api operator = member(tenant, "OPERATOR");
        Api stranger = member(other, "OPERATOR");

        assertThat(member(tenant, "VIEWER").get(path).status()).isEqualTo(200);
        // Another tenant's node is answered as if it did not exist, as everywhere in the platform.
        assertThat(stranger.get(path).status()).isEqualTo(404);
        // The BMC logs in with a platform credential: choosing where it is sent is the operations team's.
        assertThat(List.of(operator.put(path, bmc("127.0.0.9", 623, credential)).status(), operator.delete(path).status(),
                stranger.put(path, body).status(), stranger.delete(path).status())).containsOnly(403);
        assertThat(admin().get(path).json().get("address").asString()).isEqualTo("127.0.0.5");
    }

    @Test
    void aPasswordCredentialCannotBeANodesSshCredential() {
        long credential = passwordCredential(unique("Bmc-pw"));

        Api.Response refused = admin().post("/api/v1/nodes", "{\"ip\":\"" + uniqueIp() + "\",\"credentialId\":" + credential + "}");

        // Nodes name SSH key credentials only: a PASSWORD one is as unknown to them as a missing one.
        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
        assertThat(refused.body()).contains("credential " + credential);
    }

    private long passwordCredential(String password) {
        Api.Response created = admin().post("/api/v1/credentials", """
                {"name":"%s","kind":"PASSWORD","username":"ADMIN","password":"%s"}""".formatted(unique("bmc"), password));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("kind").asString()).isEqualTo("PASSWORD");
        assertThat(created.json().get("hasPassword").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain(password);
        return created.id();
    }

    /** A node in a new pool of the tenant, or in the spare pool when tenant is null. */
    private long node(Long tenant) {
        String pool = tenant == null ? "" : ",\"nodePoolId\":" + admin().post("/api/v1/node-pools",
                "{\"name\":\"" + unique("pool") + "\",\"tenantId\":" + tenant + "}").id();
        Api.Response node = admin().post("/api/v1/nodes", "{\"ip\":\"" + uniqueIp() + "\"" + pool + "}");
        assertThat(node.status()).as(node.toString()).isEqualTo(201);
        return node.id();
    }

    private Api member(long tenant, String role) {
        String username = unique("member");
        String password = "pw-" + unique("secret") + "-Long";
        Api.Response created = admin().post("/api/v1/users", """
                {"username":"%s","password":"%s","role":null,"tenantRoles":[{"tenantId":%d,"role":"%s"}]}"""
                .formatted(username, password, tenant, role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return anonymous().basic(username, password);
    }

    private static String bmc(String address, int port, long credentialId) {
        return "{\"address\":\"%s\",\"port\":%d,\"credentialId\":%d,\"protocol\":\"IPMI\"}".formatted(address, port, credentialId);
    }
}
