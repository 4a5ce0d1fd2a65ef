package io.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

    private LoopbackServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new LoopbackServer();
        server.answer(200, PLAN);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private int devopsctl(String... args) {
        return server.devopsctl(temp, "t", args);
    }

    private Path catalogFolder() throws IOException {
        Path dir = temp.resolve("catalog");
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/delivery.yml"), "name: delivery\nsteps: []\n");
        return dir;
    }

    /** The multipart part named {@code file}: its bytes between the part's headers and the closing boundary. */
    private byte[] uploadedFile() {
        String receivedContentType = server.last().contentType();
        byte[] receivedBody = server.last().body();
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

        assertThat(server.last().path()).isEqualTo("/api/v1/catalog/import");
        assertThat(server.last().query()).isEqualTo("dryRun=true");
        assertThat(server.last().contentType()).startsWith("multipart/form-data; boundary=");
        List<Tarball.Entry> sent = Tarball.read(uploadedFile());
        assertThat(sent).extracting(Tarball.Entry::name).containsExactly("templates", "templates/delivery.yml");
        assertThat(new String(sent.get(1).content(), StandardCharsets.UTF_8)).isEqualTo("name: delivery\nsteps: []\n");
        assertThat(server.stdout()).contains("KIND", "template  delivery  NEW_VERSION  2 steps changed");
    }

    @Test
    void applySendsNoDryRunAndAConflictExitsOneWithThePlan() throws IOException {
        server.answer(409, ("{\"status\":409,\"detail\":\"the catalog has 1 conflict: nothing was applied\",\"plan\":[{\"kind\":\"template\","
                + "\"name\":\"delivery\",\"action\":\"CONFLICT\",\"detail\":\"changed on the server since the export\"}]}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(devopsctl("catalog", "apply", catalogFolder().toString(), "-o", "json")).isEqualTo(ExitCodes.FAILED);

        assertThat(server.last().query()).isNull();
        assertThat(Api.JSON.readTree(server.out.toByteArray()).path("plan").get(0).path("action").asText()).isEqualTo("CONFLICT");
        assertThat(server.stderr()).contains("nothing was applied");
    }

    @Test
    void aDryRunWithConflictsExitsOne() throws IOException {
        server.answer(200, "{\"plan\":[{\"kind\":\"job\",\"name\":\"j\",\"action\":\"CONFLICT\",\"detail\":\"x\"}]}");

        assertThat(devopsctl("catalog", "import", catalogFolder().toString(), "--dry-run")).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void exportUnpacksTheServersArchiveIntoTheFolder() throws IOException {
        Path source = catalogFolder();
        server.answer(200, Tarball.pack(source));
        Path target = temp.resolve("exported");

        assertThat(devopsctl("catalog", "export", target.toString(), "--include", "templates,jobs")).isEqualTo(ExitCodes.OK);

        assertThat(server.last().path()).isEqualTo("/api/v1/catalog/export");
        assertThat(server.last().query()).isEqualTo("include=templates,jobs");
        assertThat(Files.readString(target.resolve("templates/delivery.yml"))).isEqualTo("name: delivery\nsteps: []\n");
    }
}
