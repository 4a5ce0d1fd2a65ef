package io.devops.platform.catalogsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class CatalogGitSourcesApiTests extends ApiTest {

    @TempDir
    Path repository;

    private String commit(Git git, String script, String command) throws Exception {
        Path file = repository.resolve("catalog/scripts/" + script + ".yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                kind: script
                name: %s
                dispatch: ansible
                command: %s
                """.formatted(script, command));
        Files.writeString(repository.resolve("README.md"), "not part of the tree\n");
        git.add().addFilepattern(".").call();
        var author = new PersonIdent("Test", "test@example.invalid");
        return git.commit().setMessage("catalog").setAuthor(author).setCommitter(author).setSign(false).call().getName();
    }

    private JsonNode scriptVersions(String name) {
        return admin().get("/api/v1/shells?allVersions=true&sort=version,asc&name=" + name).json().get("items");
    }

    @Test
    void aSyncPlansTheBranchsCommitAndAppliesOnlyTheCommitWhosePlanWasApproved() throws Exception {
        String script = unique("cs_git");
        try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
            String first = commit(git, script, "echo one");
            Api.Response source = admin().post("/api/v1/catalog/git-sources", """
                    {"url":"%s","branch":"main","path":"catalog"}""".formatted(repository.toUri()));
            assertThat(source.status()).as(source.toString()).isEqualTo(201);
            long id = source.id();

            Api.Response plan = admin().post("/api/v1/catalog/git-sources/" + id + "/sync", "");
            assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
            assertThat(plan.json().get("commit").asString()).isEqualTo(first);
            assertThat(plan.json().get("result").get("plan").get(0).get("action").asString()).isEqualTo("CREATE");
            assertThat(scriptVersions(script)).as("a sync without apply changes nothing").isEmpty();

            Api.Response applied = admin().post("/api/v1/catalog/git-sources/" + id + "/sync?apply=true&commit=" + first, "");
            assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
            assertThat(applied.json().get("result").get("applied").asBoolean()).isTrue();
            assertThat(scriptVersions(script)).hasSize(1);
            JsonNode recorded = admin().get("/api/v1/catalog/imports?limit=20").json();
            assertThat(recorded.valueStream().filter(r -> r.get("name").asString().equals(script)).findFirst().orElseThrow()
                    .get("commit").asString()).isEqualTo(first);

            String second = commit(git, script, "echo two");
            Api.Response moved = admin().post("/api/v1/catalog/git-sources/" + id + "/sync?apply=true&commit=" + first, "");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(409);
            assertThat(moved.json().get("detail").asString()).contains(second);
            assertThat(scriptVersions(script)).hasSize(1);

            Api.Response next = admin().post("/api/v1/catalog/git-sources/" + id + "/sync?apply=true&commit=" + second, "");
            assertThat(next.status()).as(next.toString()).isEqualTo(200);
            assertThat(scriptVersions(script)).hasSize(2);
            assertThat(scriptVersions(script).get(1).get("command").asString()).isEqualTo("echo two");
        }
    }

    @Test
    void removingASourceKeepsTheCommitIdsOfTheVersionsItImported() throws Exception {
        String script = unique("cs_gone");
        try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
            String first = commit(git, script, "echo one");
            long id = admin().post("/api/v1/catalog/git-sources", """
                    {"url":"%s","branch":"main","path":"catalog"}""".formatted(repository.toUri())).id();
            assertThat(admin().post("/api/v1/catalog/git-sources/" + id + "/sync?apply=true&commit=" + first, "").status())
                    .isEqualTo(200);

            assertThat(admin().delete("/api/v1/catalog/git-sources/" + id).status()).isEqualTo(204);

            assertThat(admin().get("/api/v1/catalog/git-sources").json().valueStream().map(s -> s.get("id").asLong()))
                    .doesNotContain(id);
            JsonNode kept = admin().get("/api/v1/catalog/imports?kind=script&name=" + script).json().get(0);
            assertThat(kept.get("commit").asString()).isEqualTo(first);
            assertThat(kept.hasNonNull("sourceId")).as("the source is gone").isFalse();
            assertThat(admin().delete("/api/v1/catalog/git-sources/" + id).status()).isEqualTo(404);
        }
    }

    @Test
    void aSourceWithAnotherSchemeCredentialsInItsUrlOrNoBranchIs400() {
        assertThat(admin().post("/api/v1/catalog/git-sources", "{\"url\":\"ssh://git@127.0.0.1/x.git\",\"branch\":\"main\"}")
                .status()).isEqualTo(400);
        assertThat(admin().post("/api/v1/catalog/git-sources", "{\"url\":\"https://u:p@127.0.0.1/x.git\",\"branch\":\"main\"}")
                .status()).isEqualTo(400);
        assertThat(admin().post("/api/v1/catalog/git-sources", "{\"url\":\"https://127.0.0.1/x.git\"}").status()).isEqualTo(400);
        Api.Response withCredential = admin().post("/api/v1/catalog/git-sources",
                "{\"url\":\"https://127.0.0.1/x.git\",\"branch\":\"main\",\"credential\":\"deploy\"}");
        assertThat(withCredential.status()).isEqualTo(400);
        assertThat(withCredential.json().get("detail").asString()).contains("ssh://");
    }
}
