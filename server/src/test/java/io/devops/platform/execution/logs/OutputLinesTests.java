package io.devops.platform.execution.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputLinesTests {

    private final OutputLines lines = new OutputLines();
    private final List<String> out = new ArrayList<>();

    @Test
    void aLineCutBetweenTwoChunksIsOneLine() {
        lines.add("stdout", "first li", out::add);
        lines.add("stdout", "ne\nsecond line\nthi", out::add);
        lines.add("stdout", "rd", out::add);
        lines.end(out::add);

        assertThat(out).containsExactly("first line", "second line", "third");
    }

    @Test
    void stdoutAndStderrAreJoinedEachWithItsOwnPieces() {
        lines.add("stdout", "progress: ", out::add);
        lines.add("stderr", "warning\n", out::add);
        lines.add("stdout", "50%\n", out::add);

        assertThat(out).containsExactly("warning", "progress: 50%");
    }

    @Test
    void lineEndsAreNewlinesCarriageReturnsOrBothEvenWhenThePairIsCutInTwo() {
        lines.add("stdout", "dos\r\nmac\rcut\r", out::add);
        lines.add("stdout", "\nempty follows\n\nend", out::add);
        lines.end(out::add);

        assertThat(out).containsExactly("dos", "mac", "cut", "empty follows", "", "end");
    }

    @Test
    void aCarriageReturnAtAChunksEndDoesNotSwallowANewlineThatStartsAnEmptyLineLater() {
        lines.add("stdout", "a\r\n", out::add);
        lines.add("stdout", "\nb\n", out::add);

        assertThat(out).containsExactly("a", "", "b");
    }

    @Test
    void aLineLongerThanTheLimitIsBrokenThereNeverInsideACharacter() {
        String half = "x".repeat(OutputLines.MAX_LINE_CHARS / 2);
        lines.add("stdout", half, out::add);
        lines.add("stdout", half.substring(1) + "😀" + "tail\n", out::add);

        assertThat(out).hasSize(2);
        assertThat(out.get(0)).hasSize(OutputLines.MAX_LINE_CHARS - 1).doesNotContain("😀");
        assertThat(out.get(1)).isEqualTo("😀tail");
    }
}
