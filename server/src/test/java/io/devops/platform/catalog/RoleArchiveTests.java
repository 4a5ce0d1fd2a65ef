package io.devops.platform.catalog;

import io.devops.platform.support.TarGz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devops.platform.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
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

    /** The stream reads it; it must not count as an entry of a refused type. */
    @Test
    void acceptsTheArchiveWideHeaderGitArchiveWrites() throws IOException {
        Path folder = extract(TarGz.archive().entry("pax_global_header", TarArchiveEntry.LF_PAX_GLOBAL_EXTENDED_HEADER)
                .file("my_role/tasks/main.yml", "[]\n"));

        assertThat(folder.getFileName().toString()).isEqualTo("my_role");
        assertThat(work.resolve("pax_global_header")).doesNotExist();
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
    void acceptsHardLinkToAnEarlierFileOfTheRoleAsACopy() throws IOException {
        Path folder = extract(TarGz.validRole().file("files/a.sh", "echo\n").hardLink("files/b.sh", "files/a.sh"));

        assertThat(folder.resolve("files/b.sh")).isRegularFile().hasContent("echo");
    }

    @Test
    void rejectsHardLinksThatLeaveTheRoleOrNameNoFileOfIt() {
        assertThatThrownBy(() -> extract(TarGz.validRole().hardLink("files/shadow", "/etc/shadow")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("hard link");
        assertThatThrownBy(() -> extract(TarGz.validRole().hardLink("files/up", "../outside")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'files/up'");
        assertThatThrownBy(() -> extract(TarGz.validRole().hardLink("files/later", "files/b.sh").file("files/b.sh", "x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("earlier");
        assertThatThrownBy(() -> extract(TarGz.validRole().symlink("self", ".").hardLink("files/loop", "self")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'files/loop'");
        assertThatThrownBy(() -> extract(TarGz.validRole().folder("files").hardLink("files2", "files")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'files2'");
    }

    @Test
    void rejectsDevicesFifosAndEveryOtherEntryTypeNamingTheEntry() {
        assertThatThrownBy(() -> extract(TarGz.validRole().entry("files/null", TarArchiveEntry.LF_CHR)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'files/null' is a character device");
        assertThatThrownBy(() -> extract(TarGz.validRole().entry("files/sda", TarArchiveEntry.LF_BLK)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'files/sda' is a block device");
        assertThatThrownBy(() -> extract(TarGz.validRole().entry("files/pipe", TarArchiveEntry.LF_FIFO)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'files/pipe' is a FIFO");
        // A device whose name ends in '/' is still a device, not a folder.
        assertThatThrownBy(() -> extract(TarGz.validRole().entry("files/tty/", TarArchiveEntry.LF_CHR)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("character device");
        assertThatThrownBy(() -> extract(TarGz.validRole().entry("label", (byte) 'V')))
                .isInstanceOf(InvalidInputException.class).hasMessageContainingAll("'label'", "type 'V'");
        assertThat(work.resolve("files/null")).doesNotExist();
    }

    @Test
    void entriesThatClashAreNamedAsInTheArchiveNeverByTheirPathOnTheServer() throws IOException {
        var clashes = new TarGz[] {
                TarGz.validRole().file("files", "x").file("files/a", "y"),
                TarGz.validRole().folder("files").file("files", "x"),
                TarGz.validRole().file("files/a", "x").symlink("files/a", "b"),
                TarGz.validRole().symlink("d", "missing").file("d/x", "y"),
                TarGz.validRole().symlink("loop", "loop").file("loop/x", "y")};
        for (TarGz clash : clashes) {
            assertThatThrownBy(() -> extract(clash)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("entry '")
                    .hasMessageNotContaining(work.toString()).hasMessageNotContaining(work.toRealPath().toString());
        }
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
