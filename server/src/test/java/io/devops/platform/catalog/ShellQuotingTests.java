package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellQuotingTests {

    @Test
    void harmlessWordsStayBareAsInTheSeed() {
        assertThat(ShellQuoting.quote("qwkj")).isEqualTo("qwkj");
        assertThat(ShellQuoting.quote("/tmp/single-nccl-test-qwkj.md")).isEqualTo("/tmp/single-nccl-test-qwkj.md");
    }

    @Test
    void injectionAttemptBecomesOneSingleQuotedWord() {
        assertThat(ShellQuoting.quote("qwkj; rm -rf /")).isEqualTo("'qwkj; rm -rf /'");
    }

    @Test
    void singleQuoteIsClosedEscapedAndReopened() {
        assertThat(ShellQuoting.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void emptyValueIsAnEmptyWordNotNothing() {
        assertThat(ShellQuoting.quote("")).isEqualTo("''");
        assertThat(Shell.wordsOf(ShellQuoting.quote(""))).isEqualTo("1:");
    }

    @Test
    void nulCannotBePassed() {
        assertThatThrownBy(() -> ShellQuoting.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwkj; rm -rf /", "$(id)", "`id`", "a\nb; echo pwned", "'; rm -rf / #", "\\", "*",
            "~root", "${HOME}", "a b", "x' 'y", "'''", "-n", "a=b", "$'\\x41'", "!!", "日本語 テスト"})
    void theRealShellReadsExactlyTheValueAsOneWord(String value) {
        assertThat(Shell.wordsOf(ShellQuoting.quote(value))).isEqualTo("1:" + value);
    }
}
