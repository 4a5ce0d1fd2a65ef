package io.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog commands against a loopback HTTP server that answers as API.md's catalog calls do, and keeps what it received. */
class CatalogCommandTests {

    private static final String PLAN = "{\"plan\":[{\"kind\":\"template\",\"name\":\"delivery\",\"action\":\"NEW_VERSION\",\"detail\":\"2 steps changed\"},"
            + "{\"kind\":\"shell\",\"name\":\"hello\",\"action\":\"UNCHANGED\",\"detail\":null}]}";

    @TempDir
    Path temp;

    private HttpServer server;
    private String receivedPath;
    private String receivedQuery;
    private String receivedContentType;
    private byte[] receivedBody;
    private int status = 200;
    private byte[] answer = PLAN.getBytes(StandardCharsets.UTF_8);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            receivedPath = exchange.getRequestURI().getPath();
            receivedQuery = exchange.getRequestURI().getQuery();
            receivedContentType = exchange.getRequestHeaders().getFirst("Content-Type");
            receivedBody = exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", status == 409 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private int devopsctl(String... args) {
        Map<String, String> env = Map.of("DEVOPSCTL_SERVER", "http://127.0.0.1:" + server.getAddress().getPort(), "DEVOPSCTL_TOKEN", "t");
        return Devopsctl.execute(args, env, temp, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Api::new);
    }

    private Path catalogFolder() throws IOException {
        Path dir = temp.resolve("catalog");
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/delivery.yml"), "name: delivery\nsteps: []\n");
        return dir;
    }

    /** The multipart part named {@code file}: its bytes between the part's headers and the closing boundary. */
    private byte[] uploadedFile() {
        String boundary = receivedContentType.substring(receivedContentType.indexOf("boundary=") + 9);
        String text = new String(receivedBody, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("Content-Disposition: form-data; name=\"file\"; filename=\"catalog.tar.gz\"");
        int start = text.indexOf("\r\n\r\n") + 4;
        int end = text.lastIndexOf("\r\n--" + boundary + "--");
        return Arrays.copyOfRange(receivedBody, start, end);
    }

    @Test
    void aDryRunSendsTheFolderAsTheFilePartAndPrintsThePlan() throws IOException {
        Path dir = catalogFolder();

        assertThat(devopsctl("catalog", "import", dir.toString(), "--dry-run")).isEqualTo(ExitCodes.OK);

        assertThat(receivedPath).isEqualTo("/api/v1/catalog/import");
        assertThat(receivedQuery).isEqualTo("dryRun=true");
        assertThat(receivedContentType).startsWith("multipart/form-data; boundary=");
        List<Tarball.Entry> sent = Tarball.read(uploadedFile());
        assertThat(sent).extracting(Tarball.Entry::name).containsExactly("templates", "templates/delivery.yml");
        assertThat(new String(sent.get(1).content(), StandardCharsets.UTF_8)).isEqualTo("name: delivery\nsteps: []\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("KIND", "template  delivery  NEW_VERSION  2 steps changed");
    }

    @Test
    void applySendsNoDryRunAndAConflictExitsOneWithThePlan() throws IOException {
        status = 409;
        answer = ("{\"status\":409,\"detail\":\"the catalog has 1 conflict: nothing was applied\",\"plan\":[{\"kind\":\"template\","
                + "\"name\":\"delivery\",\"action\":\"CONFLICT\",\"detail\":\"changed on the server since the export\"}]}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(devopsctl("catalog", "apply", catalogFolder().toString(), "-o", "json")).isEqualTo(ExitCodes.FAILED);

        assertThat(receivedQuery).isNull();
        assertThat(Api.JSON.readTree(out.toByteArray()).path("plan").get(0).path("action").asText()).isEqualTo("CONFLICT");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing was applied");
    }

    @Test
    void aDryRunWithConflictsExitsOne() throws IOException {
        answer = "{\"plan\":[{\"kind\":\"job\",\"name\":\"j\",\"action\":\"CONFLICT\",\"detail\":\"x\"}]}".getBytes(StandardCharsets.UTF_8);

        assertThat(devopsctl("catalog", "import", catalogFolder().toString(), "--dry-run")).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void exportUnpacksTheServersArchiveIntoTheFolder() throws IOException {
        Path source = catalogFolder();
        answer = Tarball.pack(source);
        Path target = temp.resolve("exported");

        assertThat(devopsctl("catalog", "export", target.toString(), "--include", "templates,jobs")).isEqualTo(ExitCodes.OK);

        assertThat(receivedPath).isEqualTo("/api/v1/catalog/export");
        assertThat(receivedQuery).isEqualTo("include=templates,jobs");
        assertThat(Files.readString(target.resolve("templates/delivery.yml"))).isEqualTo("name: delivery\nsteps: []\n");
    }
}
