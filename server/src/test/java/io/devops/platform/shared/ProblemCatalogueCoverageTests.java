package io.devops.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the Chinese catalogue in step with the code: every refusal written as one plain literal
 * where it is raised must have its translation, so that a new or reworded message cannot slip by
 * in English unnoticed. (Messages assembled from parts are checked by ProblemTranslationsTests'
 * examples and by hand.)
 */
class ProblemCatalogueCoverageTests {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String LITERAL = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final List<Pattern> PLAIN_REFUSALS = List.of(
            Pattern.compile("new (?:InvalidInputException|InputError)\\(\\s*" + LITERAL + ",\\s*" + LITERAL + "\\s*[,)]"),
            Pattern.compile("new ConflictException\\(\\s*" + LITERAL + "\\s*[,)]"));

    @Test
    void everyPlainRefusalInTheCodeHasItsChineseText() throws IOException {
        ProblemTranslations chinese = ProblemTranslations.chinese();
        List<String> untranslated = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern pattern : PLAIN_REFUSALS) {
                    Matcher matcher = pattern.matcher(source);
                    while (matcher.find()) {
                        String message = unescape(matcher.group(matcher.groupCount()));
                        checked++;
                        if (chinese.translate(message).isEmpty()) {
                            untranslated.add(SOURCES.relativize(file) + ": " + message);
                        }
                    }
                }
            }
        }
        assertThat(checked).as("plain refusals found in the code").isGreaterThan(50);
        assertThat(untranslated)
                .as("refusals without a pair in server/src/main/resources/i18n/problems-zh-CN.txt")
                .isEmpty();
    }

    private static String unescape(String literal) {
        return literal.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
