package io.devops.platform.catalogsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.TestNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Git sources over ssh:// with a stored SSH credential, against a bare repository on an SSH test node. */
class CatalogGitSshSourceTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;
    @TempDir
    Path bare;
    private TestNodes nodes;

    @BeforeEach
    void nodes() {
        assumeTrue(TestNodes.available() && Files.isExecutable(Path.of("/usr/bin/git-upload-pack")),
                "needs the SSH test nodes and git on this machine");
        nodes = TestNodes.shared();
    }

    private String credential(String privateKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        String name = unique("gitkey");
        body.put("name", name);
        body.put("sshUser", "root");
        body.put("privateKey", privateKey);
        Api.Response created = admin().post("/api/v1/credentials", JSON.writeValueAsString(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }

    /** Commits a script into a work repository and pushes it to the bare one that the node serves. */
    private String pushScript(String script, String command) throws Exception {
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            Path file = work.resolve("catalog/scripts/" + script + ".yaml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "kind: script\nname: %s\ndispatch: ansible\ncommand: %s\n".formatted(script, command));
            git.add().addFilepattern(".").call();
            var author = new PersonIdent("Test", "test@example.invalid");
            String commit = git.commit().setMessage("catalog").setAuthor(author).setCommitter(author).setSign(false).call()
                    .getName();
            git.push().setRemote(bare.toUri().toString()).add("main").call();
            return commit;
        }
    }

    private Api.Response register(String credential) {
        return register(credential, nodes.ip(0), TestNodes.PORT);
    }

    private Api.Response register(String credential, String ip, int port) {
        String url = "ssh://%s:%d%s".formatted(ip, port, bare.toAbsolutePath());
        return admin().post("/api/v1/catalog/git-sources", """
                {"url":"%s","branch":"main","path":"catalog","credential":"%s"}""".formatted(url, credential));
    }

    @Test
    void anSshSourceFetchesWithItsNamedCredentialAndPinsTheHostKey() throws Exception {
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        String script = unique("cs_ssh");
        String commit = pushScript(script, "echo over-ssh");
        String key = nodes.privateKey();
        Api.Response source = register(credential(key));
        assertThat(source.status()).as(source.toString()).isEqualTo(201);
        assertThat(source.body()).doesNotContain(key.lines().skip(1).findFirst().orElseThrow());

        Api.Response plan = admin().post("/api/v1/catalog/git-sources/" + source.id() + "/sync", "");
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        assertThat(plan.json().get("commit").asString()).isEqualTo(commit);
        assertThat(plan.json().get("result").get("plan").get(0).get("name").asString()).isEqualTo(script);
        var listed = admin().get("/api/v1/catalog/git-sources").json().valueStream()
                .filter(s -> s.get("id").asLong() == source.id()).findFirst().orElseThrow();
        assertThat(listed.get("hostKey").asString()).isEqualTo(nodes.hostPublicKey());
        assertThat(listed.toString()).doesNotContain("PRIVATE KEY");

        Api.Response applied = admin().post("/api/v1/catalog/git-sources/" + source.id() + "/sync?apply=true&commit=" + commit, "");
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(admin().get("/api/v1/shells?name=" + script).json().get("items").get(0).get("command").asString())
                .isEqualTo("echo over-ssh");
    }

    @Test
    void aKeyTheNodeDoesNotAcceptIsAReadableRefusal() throws Exception {
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        pushScript(unique("cs_ssh"), "echo never");
        Path other = work.resolve("other_key");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString()).start();
        assertThat(keygen.waitFor()).isZero();
        Api.Response source = register(credential(Files.readString(other)));
        assertThat(source.status()).as(source.toString()).isEqualTo(201);

        Api.Response refused = admin().post("/api/v1/catalog/git-sources/" + source.id() + "/sync", "");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("could not fetch").doesNotContain("PRIVATE KEY");
    }

    @Test
    void aHostKeyOtherThanThePinnedOneIsRefusedAndNothingIsFetched() throws Exception {
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        pushScript(unique("cs_ssh"), "echo pinned");
        try (TestNodes.OtherNode other = nodes.otherNode("127.0.3." + ThreadLocalRandom.current().nextInt(1, 255))) {
            long id = register(credential(nodes.privateKey()), other.ip(), other.port()).id();
            assertThat(admin().post("/api/v1/catalog/git-sources/" + id + "/sync", "").status()).isEqualTo(200);

            other.replaceHostKey();
            Api.Response refused = admin().post("/api/v1/catalog/git-sources/" + id + "/sync", "");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("detail").asString()).contains("not the one pinned on the first fetch");
        }
    }

    @Test
    void aCredentialOnlyGoesWithSshAndMustExist() {
        assertThat(admin().post("/api/v1/catalog/git-sources",
                "{\"url\":\"ssh://127.0.0.1/x.git\",\"branch\":\"main\"}").status()).isEqualTo(400);
        Api.Response missing = admin().post("/api/v1/catalog/git-sources",
                "{\"url\":\"ssh://git@127.0.0.1/x.git\",\"branch\":\"main\",\"credential\":\"" + unique("none") + "\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).contains("no credential is named");
    }
}
