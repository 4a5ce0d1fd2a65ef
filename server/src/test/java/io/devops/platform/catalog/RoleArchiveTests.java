package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devops.platform.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleArchiveTests {

    @TempDir
    Path work;

    private final RoleArchive archive = new RoleArchive(1024 * 1024, 100);

    private Path extract(TarGz tar) throws IOException {
        return archive.extract(new ByteArrayInputStream(tar.bytes()), work);
    }

    @Test
    void acceptsRoleAtTheTopOfTheArchive() throws IOException {
        Path folder = extract(TarGz.validRole().file("defaults/main.yml", "x: 1\n"));
        assertThat(folder.resolve("defaults/main.yml")).exists();
    }

    @Test
    void acceptsRoleInsideOneFolder() throws IOException {
        Path folder = extract(TarGz.archive().file("my_role/tasks/main.yml", "[]\n"));
        assertThat(folder.getFileName().toString()).isEqualTo("my_role");
    }

    @Test
    void acceptsSymlinkPointingDownInsideTheRole() throws IOException {
        Path folder = extract(TarGz.validRole().file("files/a.sh", "echo\n").symlink("files/b.sh", "a.sh"));
        assertThat(Files.isSymbolicLink(folder.resolve("files/b.sh"))).isTrue();
    }

    @Test
    void rejectsArchiveWithoutTasksMain() {
        assertThatThrownBy(() -> extract(TarGz.archive().file("defaults/main.yml", "{}\n")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("tasks/main.yml");
    }

    @Test
    void rejectsAbsolutePaths() {
        assertThatThrownBy(() -> extract(TarGz.validRole().file("/tmp/evil", "x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("absolute");
    }

    @Test
    void rejectsParentDirectorySegments() {
        assertThatThrownBy(() -> extract(TarGz.validRole().file("tasks/../../evil", "x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("..");
        assertThat(work.getParent().resolve("evil")).doesNotExist();
    }

    @Test
    void rejectsSymlinksThatCouldEscape() {
        assertThatThrownBy(() -> extract(TarGz.validRole().symlink("files/passwd", "/etc/passwd")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> extract(TarGz.validRole().symlink("up", "../..")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside");
    }

    @Test
    void rejectsWritingThroughALinkToAFolderOutside() {
        // Even a link made earlier that resolves inside cannot be used to climb out later.
        assertThatThrownBy(() -> extract(TarGz.validRole().symlink("self", ".").symlink("self/self/up", "../x")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rejectsHardLinks() {
        assertThatThrownBy(() -> extract(TarGz.validRole().hardLink("files/shadow", "/etc/shadow")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("hard link");
    }

    @Test
    void rejectsArchivesThatInflatePastTheLimit() {
        var small = new RoleArchive(1000, 100);
        assertThatThrownBy(() -> small.extract(new ByteArrayInputStream(
                TarGz.validRole().file("files/big", "x".repeat(5000)).bytes()), work))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unpacks to more than");
    }

    @Test
    void rejectsArchivesWithTooManyEntries() {
        var few = new RoleArchive(1_000_000, 2);
        assertThatThrownBy(() -> few.extract(new ByteArrayInputStream(
                TarGz.validRole().file("a", "").file("b", "").bytes()), work))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("entries");
    }

    @Test
    void rejectsDataThatIsNotGzip() {
        assertThatThrownBy(() -> archive.extract(new ByteArrayInputStream("not a tarball".getBytes()), work))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(".tar.gz");
    }
}
