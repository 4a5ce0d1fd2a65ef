package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleContentTests {

    private static RoleContent.Entry file(String path, String text) {
        return RoleContent.Entry.file(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theHashNamesTheFilesWhateverOrderTheyCameIn() {
        var a = new RoleContent(List.of(file("tasks/main.yml", "[]"), file("files/x", "1")));
        var b = new RoleContent(List.of(file("files/x", "1"), file("tasks/main.yml", "[]")));

        assertThat(a.hash()).isEqualTo(b.hash()).hasSize(64);
    }

    @Test
    void anyChangeOfABodyAPathOrALinkGivesAnotherHash() {
        String base = new RoleContent(List.of(file("tasks/main.yml", "[]"), RoleContent.Entry.link("files/l", "x"))).hash();

        assertThat(List.of(
                new RoleContent(List.of(file("tasks/main.yml", "[ ]"), RoleContent.Entry.link("files/l", "x"))).hash(),
                new RoleContent(List.of(file("tasks/other.yml", "[]"), RoleContent.Entry.link("files/l", "x"))).hash(),
                new RoleContent(List.of(file("tasks/main.yml", "[]"), RoleContent.Entry.link("files/l", "y"))).hash(),
                new RoleContent(List.of(file("tasks/main.yml", "[]"), file("files/l", "x"))).hash()))
                .doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void filesAndLinksWrittenOutReadBackAsTheSameContent(@TempDir Path dir) throws Exception {
        var content = new RoleContent(List.of(file("tasks/main.yml", "- debug: {msg: hi}\n"), file("files/a/b.sh", "echo\n"),
                RoleContent.Entry.link("files/latest.sh", "a/b.sh")));

        content.writeTo(dir.resolve("role"));

        assertThat(Files.readSymbolicLink(dir.resolve("role/files/latest.sh")).toString()).isEqualTo("a/b.sh");
        assertThat(RoleContent.read(dir.resolve("role")).hash()).isEqualTo(content.hash());
        assertThat(content.hasTasks()).isTrue();
    }
}
