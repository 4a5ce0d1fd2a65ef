package io.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalog sources} against a loopback HTTP server that answers as the Git source calls do. */
class CatalogSourcesCommandTests {

    private static final String COMMIT = "3f2c9e1d0b7a3f2c9e1d0b7a3f2c9e1d0b7a3f2c";
    private static final String SOURCE = "{\"id\":4,\"url\":\"ssh://git@127.0.0.1/ops/catalog.git\",\"refKind\":\"BRANCH\","
            + "\"refName\":\"main\",\"path\":\"catalog\",\"credential\":\"git-deploy\",\"lastCommit\":null,\"pendingCommit\":null}";

    @TempDir
    Path temp;

    private LoopbackServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new LoopbackServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private int devopsctl(String... args) {
        return server.devopsctl(temp, "t", args);
    }

    private static String synced(String action) {
        return "{\"sourceId\":4,\"commit\":\"" + COMMIT + "\",\"result\":{\"plan\":[{\"kind\":\"script\",\"name\":\"hello\","
                + "\"action\":\"" + action + "\",\"detail\":\"command\"}],\"dryRun\":true,\"applied\":false}}";
    }

    @Test
    void addSendsTheSourceWithItsCredentialByNameAndListShowsIt() throws IOException {
        server.answer(201, SOURCE);
        assertThat(devopsctl("catalog", "sources", "add", "ssh://git@127.0.0.1/ops/catalog.git", "--branch", "main",
                "--path", "catalog", "--credential", "git-deploy")).isEqualTo(ExitCodes.OK);
        JsonNode sent = Api.JSON.readTree(server.last().body());
        assertThat(server.last().method()).isEqualTo("POST");
        assertThat(server.last().path()).isEqualTo("/api/v1/catalog/git-sources");
        assertThat(sent.get("credential").asText()).isEqualTo("git-deploy");
        assertThat(sent.get("branch").asText()).isEqualTo("main");

        server.answer(200, "[" + SOURCE + "]");
        assertThat(devopsctl("catalog", "sources", "list")).isEqualTo(ExitCodes.OK);
        assertThat(server.stdout()).contains("CREDENTIAL", "git-deploy", "ssh://git@127.0.0.1/ops/catalog.git");
    }

    @Test
    void addWithBothBranchAndTagIsAUsageError() {
        assertThat(devopsctl("catalog", "sources", "add", "https://x/y.git", "--branch", "main", "--tag", "v1"))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void syncPrintsThePlanAsJsonAndExitsOneOnAConflict() throws IOException {
        server.answer(200, synced("CONFLICT"));
        assertThat(devopsctl("catalog", "sources", "sync", "4", "-o", "json")).isEqualTo(ExitCodes.FAILED);
        assertThat(server.last().path()).isEqualTo("/api/v1/catalog/git-sources/4/sync");
        assertThat(Api.JSON.readTree(server.stdout()).get("commit").asText()).isEqualTo(COMMIT);
    }

    @Test
    void applySendsTheApprovedCommitAndABranchThatMovedExitsOne() {
        server.answer(200, synced("NEW_VERSION"));
        assertThat(devopsctl("catalog", "sources", "apply", "4", COMMIT)).isEqualTo(ExitCodes.OK);
        assertThat(server.last().query()).isEqualTo("apply=true&commit=" + COMMIT);
        assertThat(server.stdout()).contains("script  hello  NEW_VERSION");

        server.answer(409, "{\"status\":409,\"detail\":\"The branch main is at commit abc now\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(devopsctl("catalog", "sources", "apply", "4", COMMIT)).isEqualTo(ExitCodes.FAILED);
        assertThat(server.stderr()).contains("is at commit abc now");
    }

    @Test
    void removeDeletesTheSource() {
        server.answer(204, "");
        assertThat(devopsctl("catalog", "sources", "remove", "4")).isEqualTo(ExitCodes.OK);
        assertThat(server.last().method()).isEqualTo("DELETE");
        assertThat(server.last().path()).isEqualTo("/api/v1/catalog/git-sources/4");
    }
}
