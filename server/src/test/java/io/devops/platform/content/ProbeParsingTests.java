package io.devops.platform.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A role that reads a probe's output as YAML keeps only the probe's own {@code key: 'value'} lines: a
 * node's shell may print anything else on the same stream (a login script's "pyenv: cannot rehash:
 * …" broke the driver role's report on this machine, its template still matching any "key: " line),
 * and one such line makes the whole parse, and so the node's step, fail.
 */
class ProbeParsingTests {

    /** The lines that are only the probe's own: a lower-case key, ": ", then a single-quoted value. */
    private static final String PROBE_LINES = "^[a-z_]+: \\x27";

    @Test
    void everyParseOfAProbesOutputReadsOnlyTheProbesOwnQuotedLines() throws IOException {
        List<String> parses;
        try (Stream<Path> files = Files.walk(RolePlaybook.ROLES)) {
            parses = files.filter(Files::isRegularFile).flatMap(ProbeParsingTests::lines)
                    .filter(line -> line.contains("stdout_lines") && line.contains("from_yaml")).toList();
        }

        assertThat(parses).as("the roles parse probes' output somewhere").isNotEmpty();
        assertThat(parses).allSatisfy(line -> assertThat(line).as("a parse of a probe's output")
                .containsAnyOf("select('match', '" + PROBE_LINES.replace("\\", "\\\\") + "')", "select('match', \"^[a-z_]+: '\")"));
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(line -> file.getFileName() + ": " + line);
        } catch (IOException e) {
            return Stream.of(file + ": unreadable: " + e.getMessage());
        }
    }
}
