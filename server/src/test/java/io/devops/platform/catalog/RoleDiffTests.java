package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleDiffTests {

    private static RoleContent.Entry file(String path, String text) {
        return RoleContent.Entry.file(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unchangedFilesAreLeftOutAndChangedTextIsAUnifiedDiff() {
        var before = new RoleContent(List.of(file("same", "x\n"), file("tasks/main.yml", "a\nb\nc\n")));
        var after = new RoleContent(List.of(file("same", "x\n"), file("tasks/main.yml", "a\nB\nc\n")));

        RoleDiff diff = RoleDiff.between(1, before, 2, after);

        assertThat(diff.files()).extracting(RoleDiff.FileChange::path).containsExactly("tasks/main.yml");
        assertThat(diff.files().get(0).diff()).contains("@@ -1,4 +1,4 @@", "-b", "+B", " a", " c");
    }

    @Test
    void binaryFilesAreNamedWithTheirSizesNotShown() {
        var before = new RoleContent(List.of(RoleContent.Entry.file("files/blob", new byte[] {0, 1, 2})));
        var after = new RoleContent(List.of(RoleContent.Entry.file("files/blob", new byte[] {0, 1, 2, 3})));

        RoleDiff.FileChange change = RoleDiff.between(1, before, 2, after).files().get(0);

        assertThat(change.change()).isEqualTo(RoleDiff.Change.CHANGED);
        assertThat(change.diff()).isNull();
        assertThat(change.note()).contains("binary", "3 → 4 bytes");
    }

    @Test
    void aLinkThatPointsElsewhereShowsItsTargets() {
        var before = new RoleContent(List.of(RoleContent.Entry.link("files/l", "a")));
        var after = new RoleContent(List.of(RoleContent.Entry.link("files/l", "b")));

        assertThat(RoleDiff.between(1, before, 2, after).files().get(0).diff()).contains("--> a", "+-> b");
    }
}
