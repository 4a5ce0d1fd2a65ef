package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.Multipart;
import io.devops.platform.support.RunFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A public Galaxy role (Oefenweb's {@code dns}, which takes lists of name servers and search
 * domains) uploaded as its repository holds it, declared from its own defaults, configured as its
 * README says and run unchanged on real Ansible over SSH. The role is not copied into this
 * repository: the test reads it from a Git mirror of the public repository on this machine
 * ({@code DEVOPS_PUBLIC_ROLE_REPO}, by default where the tool library's fetch puts it) and is skipped,
 * saying so, where there is none. Its two system files are pointed into the test's own folder: one
 * by the documented {@code dns_dhclient_file}, the other by the role's {@code vars/} entry, which an
 * operator's value overrides as it would in a playbook's role parameters.
 */
class PublicGalaxyRoleRunTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path MIRROR = Path.of(System.getenv().getOrDefault("DEVOPS_PUBLIC_ROLE_REPO",
            "/work/.mirror/Oefenweb+ansible-dns/repo"));

    @Test
    void aPublicRoleThatTakesListsRunsUnchangedConfiguredAsItsReadmeSays() throws Exception {
        assumeTrue(Files.isDirectory(MIRROR), "no mirror of github.com/Oefenweb/ansible-dns at " + MIRROR
                + " (fetch it, or set DEVOPS_PUBLIC_ROLE_REPO to a clone)");
        RunFixtures fixtures = RunFixtures.onTestNodes(admin());
        Path dir = Files.createDirectories(Path.of("target", "public-role").toAbsolutePath().resolve(unique("dns")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path resolvConf = dir.resolve("resolv.conf");
        Path dhclient = Files.writeString(dir.resolve("dhclient.conf"), """
                prepend domain-name-servers 127.0.0.1;
                supersede domain-search "old.lan";
                """);
        Files.setPosixFilePermissions(dhclient, PosixFilePermissions.fromString("rw-rw-rw-"));

        Api.Response role = admin().post("/api/v1/roles", RunFixtures.object().put("name", unique("dns")).toString());
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        Multipart archive = Multipart.file("file", "ansible-dns.tar.gz", gitArchive(MIRROR));
        Api.Response uploaded = admin().post("/api/v1/roles/" + role.id() + "/archive?declare=true", archive.body(),
                archive.contentType());
        assertThat(uploaded.status()).as(uploaded.toString()).isIn(200, 201);
        JsonNode variables = admin().get("/api/v1/roles/" + role.id() + "/variables").json();
        assertThat(typeOf(variables, "dns_nameservers")).as("declared from the role's defaults").isEqualTo("list");
        assertThat(typeOf(variables, "dns_searches")).isEqualTo("list");
        Api.Response declared = admin().post("/api/v1/roles/" + role.id() + "/variables", RunFixtures.object()
                .put("name", "dns_resolvconf_file").put("type", "path").put("required", false).toString());
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);

        ObjectNode values = (ObjectNode) JSON.readTree("""
                {"dns_nameservers":["127.0.0.53","127.0.0.54"],"dns_searches":["gpu.internal","site-a.lan"],
                 "dns_domain":"gpu.internal","dns_remove_resolvconf":false}""");
        values.put("dns_resolvconf_file", resolvConf.toString()).put("dns_dhclient_file", dhclient.toString());
        ObjectNode body = RunFixtures.object().put("roleId", role.id()).put("pkgVersion", "1");
        body.set("values", values);
        Api.Response operator = admin().post("/api/v1/operators", body.toString());
        assertThat(operator.status()).as(operator.toString()).isEqualTo(201);
        long template = fixtures.template(unique("dns"), steps -> RunFixtures.operatorStep(steps, operator.id()));
        long runId = fixtures.start(fixtures.job(unique("dns"), "STOP", template, List.of(fixtures.testNodeIds().get(0))));

        JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(3));
        String log = admin().get("/api/v1/runs/" + runId + "/log").body();
        assertThat(run.get("status").asString()).as(log).isEqualTo("SUCCEEDED");
        assertThat(Files.readString(resolvConf)).contains("domain gpu.internal\n", "nameserver 127.0.0.53\nnameserver 127.0.0.54\n",
                "search gpu.internal site-a.lan\n");
        assertThat(Files.readString(dhclient)).contains("prepend domain-name-servers 127.0.0.53, 127.0.0.54;",
                "supersede domain-search \"gpu.internal\", \"site-a.lan\";");
    }

    private static String typeOf(JsonNode variables, String name) {
        for (JsonNode variable : variables.has("items") ? variables.get("items") : variables) {
            if (name.equals(variable.get("name").asString())) {
                return variable.get("type").asString();
            }
        }
        return null;
    }

    private static byte[] gitArchive(Path repository) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "--git-dir", repository.toString(), "archive", "--format=tar.gz", "HEAD")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] bytes = git.getInputStream().readAllBytes();
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue()).as("git archive of " + repository).isZero();
        return bytes;
    }
}
