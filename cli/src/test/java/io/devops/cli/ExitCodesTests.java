package io.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole command lines against a real HTTP server on loopback that answers as the platform would. */
class ExitCodesTests {

    private static final String TOKEN = "dop_test_token_0123456789";

    @TempDir
    Path home;

    private LoopbackServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new LoopbackServer();
        server.answer(200, "{\"items\":[],\"total\":0,\"page\":0,\"size\":500}");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private int devopsctl(String... args) {
        return server.devopsctl(home, TOKEN, args);
    }

    private void answer(int status, String body) {
        server.answer(status, body);
    }

    private List<String> authorizations() {
        return server.received().stream().map(LoopbackServer.Received::authorization).toList();
    }

    @Test
    void aCallThatWorksExitsZeroAndSendsTheTokenAsBearer() {
        assertThat(devopsctl("nodes", "list")).isEqualTo(ExitCodes.OK);
        assertThat(authorizations()).containsOnly("Bearer " + TOKEN);
    }

    @Test
    void aWrongTokenExitsThreeWithTheServersDetail() {
        answer(401, "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"The API token is unknown, revoked or expired\"}");

        assertThat(devopsctl("nodes", "list")).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(server.stderr()).contains("HTTP 401", "The API token is unknown, revoked or expired");
    }

    @Test
    void aForbiddenCallAServerErrorAndTooManyRequestsExitThree() {
        answer(403, "{\"detail\":\"needs the run scope\"}");
        assertThat(devopsctl("runs", "cancel", "5")).isEqualTo(ExitCodes.UNAVAILABLE);
        answer(503, "{\"detail\":\"the database is away\"}");
        assertThat(devopsctl("nodes", "show", "5")).isEqualTo(ExitCodes.UNAVAILABLE);
        answer(429, "{\"detail\":\"too many streams\"}");
        assertThat(devopsctl("nodes", "show", "5")).isEqualTo(ExitCodes.UNAVAILABLE);
    }

    @Test
    void aRefusedRequestExitsOneWithTheFieldErrors() {
        answer(400, "{\"detail\":\"Invalid input\",\"errors\":[{\"field\":\"limit.nodeIds\",\"message\":\"node 99 is not a target of the job\"}]}");

        assertThat(devopsctl("runs", "start", "3", "--limit", "99")).isEqualTo(ExitCodes.FAILED);
        assertThat(server.stderr()).contains("limit.nodeIds: node 99 is not a target of the job");
    }

    @Test
    void aMissingObjectExitsOne() {
        answer(404, "{\"detail\":\"Run 77 does not exist\"}");

        assertThat(devopsctl("runs", "results", "77")).isEqualTo(ExitCodes.FAILED);
        assertThat(server.stderr()).contains("Run 77 does not exist");
    }

    @Test
    void anUnknownFlagOrMissingArgumentIsAUsageError() {
        assertThat(devopsctl("nodes", "list", "--no-such-flag")).isEqualTo(ExitCodes.USAGE);
        assertThat(devopsctl("runs", "watch")).isEqualTo(ExitCodes.USAGE);
        assertThat(devopsctl("nodes", "list", "-o", "xml")).isEqualTo(ExitCodes.USAGE);
        assertThat(devopsctl("runs", "start", "3", "--limit", "rack:r1")).isEqualTo(ExitCodes.USAGE);
        assertThat(devopsctl("runs", "start", "3", "--watch", "--interval", "0.01")).isEqualTo(ExitCodes.USAGE);
        assertThat(authorizations()).isEmpty();
    }

    @Test
    void aRedirectIsNotFollowedButNamed() {
        answer(302, "");

        assertThat(devopsctl("nodes", "list")).isEqualTo(ExitCodes.USAGE);
        assertThat(authorizations()).hasSize(1);
        assertThat(server.stderr()).contains("302", "redirect");
    }

    @Test
    void aServerThatIsNotListeningExitsThree() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThat(devopsctl("nodes", "list", "--server", "http://127.0.0.1:" + closed)).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(server.stderr()).contains("cannot connect");
    }

    @Test
    void aWatchedRunExitsZeroWhenItSucceededAndOneWhenItFailed() throws IOException {
        answer(200, run("SUCCEEDED", "SUCCEEDED", "SUCCEEDED"));
        assertThat(devopsctl("runs", "watch", "9", "-o", "json")).isEqualTo(ExitCodes.OK);
        JsonNode printed = Api.JSON.readTree(server.out.toByteArray());
        assertThat(printed.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(server.stderr()).contains("2/2 nodes: 2 succeeded, 0 failed, 0 running");

        answer(200, run("FAILED", "SUCCEEDED", "FAILED"));
        assertThat(devopsctl("runs", "watch", "9")).isEqualTo(ExitCodes.FAILED);
        answer(200, run("CANCELLED", "SUCCEEDED", "SKIPPED"));
        assertThat(devopsctl("runs", "watch", "9")).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void theTokenIsNeverPrinted() {
        answer(401, "{\"detail\":\"The API token is unknown, revoked or expired\"}");
        devopsctl("nodes", "list", "-o", "json");
        devopsctl("nodes", "list", "--help");
        devopsctl("runs", "start", "--bogus");

        assertThat(server.stdout() + server.stderr()).doesNotContain(TOKEN);
    }

    @Test
    void nodesListJsonIsOneArrayOfEveryPage() throws IOException {
        answer(200, "{\"items\":[{\"id\":1,\"ip\":\"10.0.0.1\"},{\"id\":2,\"ip\":\"10.0.0.2\"}],\"total\":2,\"page\":0,\"size\":500}");

        assertThat(devopsctl("nodes", "list", "-o", "json")).isEqualTo(ExitCodes.OK);

        JsonNode nodes = Api.JSON.readTree(server.out.toByteArray());
        assertThat(nodes.isArray()).isTrue();
        assertThat(nodes.findValuesAsText("ip")).containsExactly("10.0.0.1", "10.0.0.2");
    }

    @Test
    void theOutputFlagWorksBeforeTheCommandAndAfterIt() throws IOException {
        answer(200, "{\"items\":[{\"id\":1,\"name\":\"gpu_pool_a\"}],\"total\":1,\"page\":0,\"size\":500}");

        assertThat(devopsctl("-o", "json", "pools", "list")).isEqualTo(ExitCodes.OK);
        assertThat(devopsctl("pools", "-o", "yaml", "list")).isEqualTo(ExitCodes.OK);

        assertThat(server.stdout()).startsWith("[ {").contains("- id: 1\n  name: gpu_pool_a");
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String command : List.of("nodes list", "runs start", "runs watch", "reports get", "catalog apply", "completion")) {
            server.out.reset();
            assertThat(devopsctl((command + " --help").split(" "))).as(command).isEqualTo(ExitCodes.OK);
            assertThat(server.stdout()).as(command).contains("Usage: devopsctl " + command, "Examples:");
        }
        assertThat(authorizations()).isEmpty();
    }

    @Test
    void completionPrintsABashScriptThatKnowsTheCommands() {
        assertThat(devopsctl("completion", "bash")).isEqualTo(ExitCodes.OK);
        assertThat(server.stdout()).contains("complete -F", "nodes", "rerun-failed");
        assertThat(authorizations()).isEmpty();
    }

    private static String run(String status, String first, String second) {
        return "{\"id\":9,\"status\":\"" + status + "\",\"jobName\":\"j\",\"jobVersion\":1,\"items\":[{\"sequence\":1,\"templateName\":\"t\","
                + "\"nodes\":[{\"nodeId\":1,\"ip\":\"10.0.0.1\",\"status\":\"" + first + "\"},{\"nodeId\":2,\"ip\":\"10.0.0.2\",\"status\":\""
                + second + "\"}],\"steps\":[]}]}";
    }
}
