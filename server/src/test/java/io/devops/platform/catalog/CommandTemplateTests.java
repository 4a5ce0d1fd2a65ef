package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandTemplateTests {

    @Test
    void findsTheSeedsPlaceholder() {
        var template = CommandTemplate.parse("./script/set_multi_env.sh && ./script/single_nccl_test.sh <node_pool>");
        assertThat(template.placeholders()).containsExactly("node_pool");
        assertThat(template.render(Map.of("node_pool", "qwkj")))
                .isEqualTo("./script/set_multi_env.sh && ./script/single_nccl_test.sh qwkj");
    }

    @Test
    void redirectionsAreNotPlaceholders() {
        assertThat(CommandTemplate.parse("echo hi > /tmp/x 2>&1 < /dev/null; a<b").placeholders()).isEmpty();
    }

    @Test
    void substitutedInjectionStaysOneArgument() {
        String command = CommandTemplate.parse("set -- <customer>\nprintf '%s:%s' \"$#\" \"$1\"")
                .render(Map.of("customer", "qwkj; rm -rf /"));
        assertThat(command).contains("'qwkj; rm -rf /'");
        assertThat(Shell.run(command)).isEqualTo("1:qwkj; rm -rf /");
    }

    @Test
    void placeholdersInsideWordsAndCommandSubstitutionsAreFine() {
        var template = CommandTemplate.parse("cat /tmp/single-nccl-test-<customer>.md; x=$(echo <customer>)");
        assertThat(template.render(Map.of("customer", "a b"))).isEqualTo("cat /tmp/single-nccl-test-'a b'.md; x=$(echo 'a b')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo \"<x>\"", "echo '<x>'", "echo $'<x>'", "echo \\<x>", "echo $<x>", "ls # <x>",
            "cat <<EOF\n<x>\nEOF", "echo \"a \\\" <x>\""})
    void refusesPlaceholdersWhereQuotingCannotProtectThem(String command) {
        assertThatThrownBy(() -> CommandTemplate.parse(command)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hereStringsAndQuotedTextBeforeAPlaceholderAreFine() {
        assertThat(CommandTemplate.parse("cat <<< <x>; echo 'it''s' \"q\" <y>").placeholders()).containsExactly("x", "y");
    }

    @Test
    void reportPathsGetPlainValues() {
        assertThat(CommandTemplate.parse("/tmp/single-nccl-test-<customer>.md").fill(Map.of("customer", "qwkj")))
                .isEqualTo("/tmp/single-nccl-test-qwkj.md");
    }
}
