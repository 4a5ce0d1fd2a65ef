package io.devops.platform.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

class CredentialsApiTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private CredentialVault vault;

    static String body(String name, String privateKey, String passphrase, String becomePassword) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("sshUser", "root");
        body.put("privateKey", privateKey);
        body.put("passphrase", passphrase);
        body.put("becomePassword", becomePassword);
        body.values().removeIf(value -> value == null);
        return JSON.writeValueAsString(body);
    }

    static Api.Response create(Api api, String name, String privateKey, String passphrase, String becomePassword) {
        Api.Response response = api.post("/api/v1/credentials", body(name, privateKey, passphrase, becomePassword));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    /** Every piece of a secret that must never come back: both passwords and each line of the key body. */
    private static List<String> secretParts(String privateKey, String... passwords) {
        List<String> parts = new ArrayList<>(List.of(passwords));
        privateKey.lines().filter(line -> !line.startsWith("-----")).forEach(parts::add);
        return parts;
    }

    @Test
    void aCreatedCredentialAnswersWithoutAnySecret() {
        String key = TestKeys.rsaPkcs8();
        String passphrase = unique("phrase");
        String become = unique("become");
        String name = unique("delivery");

        Api.Response created = create(admin(), name, key, passphrase, become);

        var json = created.json();
        assertThat(json.get("name").asString()).isEqualTo(name);
        assertThat(json.get("sshUser").asString()).isEqualTo("root");
        assertThat(json.get("hasPassphrase").asBoolean()).isTrue();
        assertThat(json.get("hasBecomePassword").asBoolean()).isTrue();
        assertThat(json.get("fingerprint").asString()).isEqualTo(PrivateKeyText.parse(key).fingerprint().value());
        assertThat(json.get("fingerprintSource").asString()).isEqualTo("PUBLIC_KEY");
        assertThat(json.get("keyType").asString()).isEqualTo("ssh-rsa");
        assertThat(json.get("createdBy").asString()).isEqualTo("admin");
        assertThat(json.has("privateKey") || json.has("passphrase") || json.has("becomePassword")).isFalse();

        long id = created.id();
        List<String> answers = List.of(created.body(), admin().get("/api/v1/credentials/" + id).body(),
                admin().get("/api/v1/credentials?name=" + name).body(),
                admin().get("/api/v1/audit-events?entityType=credential&entityId=" + id).body());
        for (String answer : answers) {
            for (String secret : secretParts(key, passphrase, become)) {
                assertThat(answer).doesNotContain(secret);
            }
        }
        assertThat(answers.get(3)).contains("Created credential " + name + " with privateKey, passphrase, becomePassword");
    }

    @Test
    void theDatabaseHoldsOnlyCiphertext() {
        String key = TestKeys.rsaPkcs8();
        String passphrase = unique("phrase");
        String become = unique("become");
        long id = create(admin(), unique("stored"), key, passphrase, become).id();

        var row = jdbc.sql("SELECT private_key, passphrase, become_password FROM credentials WHERE id = ?").param(id)
                .query().singleRow();
        for (Object stored : row.values()) {
            assertThat((String) stored).startsWith("v1:");
            for (String secret : secretParts(key, passphrase, become)) {
                assertThat((String) stored).doesNotContain(secret);
            }
        }
        var opened = vault.resolve(null, id).orElseThrow();
        assertThat(opened.privateKey()).isEqualTo(key);
        assertThat(opened.passphrase()).isEqualTo(passphrase);
        assertThat(opened.becomePassword()).isEqualTo(become);
    }

    @Test
    void credentialsAreListedByName() {
        String prefix = unique("listed");
        create(admin(), prefix + "_a", TestKeys.rsaPkcs8(), null, null);
        create(admin(), prefix + "_b", TestKeys.rsaPkcs8(), null, null);

        var page = admin().get("/api/v1/credentials?name=" + prefix + "&sort=name,desc").json();

        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("name").asString()).isEqualTo(prefix + "_b");
        assertThat(page.get("items").get(1).get("hasPassphrase").asBoolean()).isFalse();
    }

    @Test
    void anUpdateWithoutSecretsKeepsThem() {
        String key = TestKeys.rsaPkcs8();
        long id = create(admin(), unique("keep"), key, "old phrase", "old become").id();
        String renamed = unique("renamed");

        var updated = admin().put("/api/v1/credentials/" + id, "{\"name\":\"" + renamed + "\",\"sshUser\":\"ubuntu\"}");

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("hasPassphrase").asBoolean()).isTrue();
        assertThat(updated.json().get("sshUser").asString()).isEqualTo("ubuntu");
        var opened = vault.resolve(id, null).orElseThrow();
        assertThat(opened).extracting(SshCredential::name, SshCredential::sshUser, SshCredential::privateKey,
                SshCredential::passphrase, SshCredential::becomePassword)
                .containsExactly(renamed, "ubuntu", key, "old phrase", "old become");
        assertThat(admin().get("/api/v1/audit-events?entityType=credential&entityId=" + id).body())
                .contains("secrets kept").doesNotContain("old phrase");
    }

    @Test
    void anUpdateCanReplaceTheKeyAndRemoveAPassword() {
        String name = unique("rotate");
        long id = create(admin(), name, TestKeys.rsaPkcs8(), null, "old become").id();
        String newKey = TestKeys.rsaPkcs8();

        var updated = admin().put("/api/v1/credentials/" + id, body(name, newKey, null, ""));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("fingerprint").asString()).isEqualTo(PrivateKeyText.parse(newKey).fingerprint().value());
        assertThat(updated.json().get("hasBecomePassword").asBoolean()).isFalse();
        assertThat(vault.resolve(id, null).orElseThrow().privateKey()).isEqualTo(newKey);
        assertThat(admin().get("/api/v1/audit-events?entityType=credential&entityId=" + id).body())
                .contains("secrets replaced or removed: privateKey, becomePassword");
    }

    @Test
    void aCredentialUsedByAPoolCannotBeDeleted() {
        long credential = create(admin(), unique("inuse"), TestKeys.rsaPkcs8(), null, null).id();
        long tenant = admin().post("/api/v1/tenants", "{\"name\":\"" + unique("tenant") + "\"}").id();
        String poolName = unique("pool");
        long pool = admin().post("/api/v1/node-pools", "{\"name\":\"" + poolName + "\",\"tenantId\":" + tenant
                + ",\"credentialId\":" + credential + "}").id();

        var refused = admin().delete("/api/v1/credentials/" + credential);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString()).contains("used by 1 node pool(s) (" + poolName + ")");
        assertThat(admin().get("/api/v1/credentials/" + credential).json().get("poolCount").asLong()).isEqualTo(1);
        assertThat(admin().delete("/api/v1/node-pools/" + pool).status()).isEqualTo(204);
        assertThat(admin().delete("/api/v1/credentials/" + credential).status()).isEqualTo(204);
        assertThat(admin().get("/api/v1/credentials/" + credential).status()).isEqualTo(404);
    }

    @Test
    void aPoolAcceptsAnExistingCredentialAndRefusesAMissingOne() {
        long credential = create(admin(), unique("forpool"), TestKeys.rsaPkcs8(), null, null).id();
        long tenant = admin().post("/api/v1/tenants", "{\"name\":\"" + unique("tenant") + "\"}").id();

        var pool = admin().post("/api/v1/node-pools", "{\"name\":\"" + unique("pool") + "\",\"tenantId\":" + tenant
                + ",\"credentialId\":" + credential + "}");
        var missing = admin().post("/api/v1/node-pools", "{\"name\":\"" + unique("pool") + "\",\"tenantId\":" + tenant
                + ",\"credentialId\":987654321}");

        assertThat(pool.status()).as(pool.toString()).isEqualTo(201);
        assertThat(pool.json().get("credentialId").asLong()).isEqualTo(credential);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asString()).isEqualTo("Credential 987654321 does not exist");
    }

    @Test
    void keyTextThatIsNotAPrivateKeyIsABadRequest() {
        for (String bad : List.of("not a key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO7R me@host")) {
            var response = admin().post("/api/v1/credentials", body(unique("bad"), bad, null, null));
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("privateKey");
        }
    }

    @Test
    void namesUsersAndPasswordsAreChecked() {
        String key = TestKeys.rsaPkcs8();
        var badName = admin().post("/api/v1/credentials", body("no spaces allowed", key, null, null));
        var badUser = admin().post("/api/v1/credentials", body(unique("user"), key, null, null).replace("\"root\"", "\"Root;rm\""));
        var twoLines = admin().post("/api/v1/credentials", body(unique("lines"), key, null, "one\ntwo"));
        assertThat(List.of(badName, badUser, twoLines)).extracting(Api.Response::status).containsOnly(400);
        assertThat(badUser.json().get("detail").asString()).contains("sshUser").contains("Linux user name");
        assertThat(twoLines.json().get("detail").asString()).contains("becomePassword: must be a single line")
                .doesNotContain("one");
    }

    @Test
    void anEncryptedKeyNeedsItsPassphrase() {
        String encrypted = TestKeys.rsaPkcs8().replace("BEGIN PRIVATE KEY", "BEGIN ENCRYPTED PRIVATE KEY")
                .replace("END PRIVATE KEY", "END ENCRYPTED PRIVATE KEY");
        var refused = admin().post("/api/v1/credentials", body(unique("enc"), encrypted, null, null));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("passphrase: is required");
        var accepted = create(admin(), unique("enc"), encrypted, "the phrase", null).json();
        assertThat(accepted.get("keyEncrypted").asBoolean()).isTrue();
        assertThat(accepted.get("fingerprintSource").asString()).isEqualTo("PRIVATE_KEY_TEXT");
    }

    @Test
    void aDuplicateNameIsAConflict() {
        String name = unique("twice");
        create(admin(), name, TestKeys.rsaPkcs8(), null, null);
        assertThat(admin().post("/api/v1/credentials", body(name, TestKeys.rsaPkcs8(), null, null)).status()).isEqualTo(409);
    }

    @Test
    void aViewerMayListButNotCreateCredentials() {
        String viewer = unique("viewer");
        var user = admin().post("/api/v1/users", "{\"username\":\"" + viewer + "\",\"password\":\"viewer-password-1\",\"role\":\"VIEWER\"}");
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        Api asViewer = anonymous().basic(viewer, "viewer-password-1");

        var refused = asViewer.post("/api/v1/credentials", body(unique("nope"), TestKeys.rsaPkcs8(), null, null));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(asViewer.get("/api/v1/credentials").status()).isEqualTo(200);
    }
}
