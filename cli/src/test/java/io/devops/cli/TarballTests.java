package io.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarballTests {

    @TempDir
    Path temp;

    private Path tree() throws IOException {
        Path dir = temp.resolve("catalog");
        Files.createDirectories(dir.resolve("roles/ins_driver_cuda/tasks"));
        Files.writeString(dir.resolve("roles/ins_driver_cuda/tasks/main.yml"), "- name: install\n  command: /bin/true\n");
        Files.writeString(dir.resolve("templates.yml"), "templates: []\n");
        String deep = "a".repeat(60) + "/" + "b".repeat(60) + "/交付任务.yml";
        Files.createDirectories(dir.resolve(deep).getParent());
        Files.writeString(dir.resolve(deep), "long and not ASCII");
        Files.createDirectories(dir.resolve(".git/objects"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        return dir;
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(path -> dir.relativize(path).toString()).sorted().toList();
        }
    }

    /** A .tar.gz holding the given entries as they are, unchecked: what a hostile server could send. */
    private static byte[] archive(String... namesAndTypes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < namesAndTypes.length; i += 2) {
                char type = namesAndTypes[i + 1].charAt(0);
                byte[] content = type == '0' ? "x".getBytes(StandardCharsets.UTF_8) : new byte[0];
                gzip.write(Tarball.header(namesAndTypes[i], content.length, type));
                Tarball.writePadded(gzip, content);
            }
            gzip.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    @Test
    void aTreePacksAndUnpacksToTheSameFilesWithoutGit() throws IOException {
        Path dir = tree();
        Path copy = temp.resolve("copy");

        int written = Tarball.unpack(Tarball.pack(dir), copy);

        assertThat(written).isEqualTo(3);
        assertThat(files(copy)).isEqualTo(files(dir).stream().filter(name -> !name.startsWith(".git")).toList());
        for (String name : files(copy)) {
            assertThat(Files.readAllBytes(copy.resolve(name))).isEqualTo(Files.readAllBytes(dir.resolve(name)));
        }
    }

    @Test
    void anUnchangedTreePacksToTheSameBytes() throws IOException, InterruptedException {
        Path dir = tree();
        byte[] first = Tarball.pack(dir);
        Thread.sleep(10);
        Files.setLastModifiedTime(dir.resolve("templates.yml"), java.nio.file.attribute.FileTime.fromMillis(0));

        assertThat(Tarball.pack(dir)).isEqualTo(first);
    }

    @Test
    void gnuTarReadsWhatItPacks() throws IOException, InterruptedException {
        Path dir = tree();
        Path archive = temp.resolve("catalog.tar.gz");
        Files.write(archive, Tarball.pack(dir));

        Process tar = new ProcessBuilder("tar", "-tzf", archive.toString()).redirectErrorStream(true).start();
        String listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(tar.exitValue()).as(listing).isZero();
        assertThat(listing).contains("templates.yml", "a".repeat(60) + "/" + "b".repeat(60) + "/交付任务.yml");
    }

    @Test
    void archivesThatGnuTarWritesUnpackWithLongNames() throws IOException, InterruptedException {
        Path dir = tree();
        for (String format : List.of("gnu", "pax", "ustar")) {
            Path archive = temp.resolve(format + ".tar.gz");
            Process tar = new ProcessBuilder("tar", "--format=" + format, "--exclude=.git", "-czf", archive.toString(), "-C", dir.toString(), ".")
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (format.equals("ustar")) {
                continue; // ustar cannot hold the 120-character folder: tar itself refuses it
            }
            assertThat(tar.exitValue()).as(output).isZero();
            Path copy = temp.resolve("from-" + format);

            Tarball.unpack(Files.readAllBytes(archive), copy);

            assertThat(files(copy)).as(format).isEqualTo(files(dir).stream().filter(name -> !name.startsWith(".git")).toList());
        }
    }

    @Test
    void anEntryThatStepsOutWithDotDotIsRefusedAndNothingIsWritten() throws IOException {
        Path target = temp.resolve("target");
        byte[] hostile = archive("good.yml", "0", "roles/../../evil.yml", "0");

        assertThatThrownBy(() -> Tarball.unpack(hostile, target)).isInstanceOfSatisfying(CliException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(e.getMessage()).contains("roles/../../evil.yml", "..");
        });
        assertThat(target).doesNotExist();
        assertThat(temp.resolve("evil.yml")).doesNotExist();
    }

    @Test
    void anAbsolutePathIsRefused() throws IOException {
        byte[] hostile = archive("/tmp/devopsctl-evil.yml", "0");

        assertThatThrownBy(() -> Tarball.unpack(hostile, temp.resolve("target"))).isInstanceOfSatisfying(CliException.class,
                e -> assertThat(e.getMessage()).contains("absolute"));
        assertThat(Path.of("/tmp/devopsctl-evil.yml")).doesNotExist();
    }

    @Test
    void linksAndDevicesAreRefused() throws IOException {
        assertThatThrownBy(() -> Tarball.unpack(archive("link", "2"), temp.resolve("a"))).hasMessageContaining("link");
        assertThatThrownBy(() -> Tarball.unpack(archive("hard", "1"), temp.resolve("b"))).hasMessageContaining("link");
        assertThatThrownBy(() -> Tarball.unpack(archive("dev", "3"), temp.resolve("c"))).hasMessageContaining("special file");
    }

    @Test
    void aFolderOfTheTargetThatLinksOutsideIsNotWrittenThrough() throws IOException {
        Path target = temp.resolve("target");
        Path outside = temp.resolve("outside");
        Files.createDirectories(target);
        Files.createDirectories(outside);
        Files.createSymbolicLink(target.resolve("roles"), outside);

        assertThatThrownBy(() -> Tarball.unpack(archive("roles/main.yml", "0"), target)).hasMessageContaining("leads out of");
        try (Stream<Path> written = Files.list(outside)) {
            assertThat(written).isEmpty();
        }
    }

    @Test
    void packingRefusesSymbolicLinks() throws IOException {
        Path dir = tree();
        Files.writeString(temp.resolve("elsewhere"), "not the catalog's");
        Files.createSymbolicLink(dir.resolve("elsewhere"), temp.resolve("elsewhere"));

        assertThatThrownBy(() -> Tarball.pack(dir)).hasMessageContaining("symbolic link");
    }

    @Test
    void safeNamesDropLeadingDotSlash() {
        assertThat(Tarball.safeName("./roles/x/")).isEqualTo("roles/x");
        assertThat(Tarball.safeName("a..b/c..")).isEqualTo("a..b/c..");
    }
}
