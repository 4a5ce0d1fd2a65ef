package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class VariableTypeTests {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void pathsMustBeAbsoluteAndOnOneLine() {
        assertThat(VariableType.PATH.normalize(JSON.stringNode("/data/pkg/a.run"), List.of())).isEqualTo("/data/pkg/a.run");
        assertThatThrownBy(() -> VariableType.PATH.normalize(JSON.stringNode("relative/a.run"), List.of()))
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> VariableType.PATH.normalize(JSON.stringNode("/a\n/b"), List.of()))
                .hasMessageContaining("one line");
    }

    @Test
    void integersAcceptNumbersAndDigitStringsOnly() {
        assertThat(VariableType.INTEGER.normalize(JSON.numberNode(42L), List.of())).isEqualTo("42");
        assertThat(VariableType.INTEGER.normalize(JSON.stringNode("-7"), List.of())).isEqualTo("-7");
        assertThatThrownBy(() -> VariableType.INTEGER.normalize(JSON.numberNode(1.5), List.of()))
                .hasMessageContaining("integer");
        assertThatThrownBy(() -> VariableType.INTEGER.normalize(JSON.stringNode("12abc"), List.of()))
                .hasMessageContaining("integer");
    }

    @Test
    void booleansAndChoicesAreChecked() {
        assertThat(VariableType.BOOLEAN.normalize(JSON.booleanNode(true), List.of())).isEqualTo("true");
        assertThatThrownBy(() -> VariableType.BOOLEAN.normalize(JSON.stringNode("yes"), List.of()))
                .hasMessageContaining("true or false");
        assertThat(VariableType.CHOICE.normalize(JSON.stringNode("b"), List.of("a", "b"))).isEqualTo("b");
        assertThatThrownBy(() -> VariableType.CHOICE.normalize(JSON.stringNode("c"), List.of("a", "b")))
                .hasMessageContaining("one of");
    }

    @Test
    void versionsLookLikePackageVersions() {
        assertThat(VariableType.VERSION.normalize(JSON.stringNode("550.54.14"), List.of())).isEqualTo("550.54.14");
        assertThatThrownBy(() -> VariableType.VERSION.normalize(JSON.stringNode("5 5 0"), List.of()))
                .hasMessageContaining("version");
    }

    @Test
    void listsAndNullsAreNotValues() {
        assertThatThrownBy(() -> VariableType.STRING.normalize(JSON.arrayNode(), List.of())).hasMessageContaining("list");
        assertThatThrownBy(() -> VariableType.STRING.normalize(JSON.nullNode(), List.of())).hasMessageContaining("null");
    }

    @Test
    void typedValuesComeBackTyped() {
        assertThat(VariableType.INTEGER.toYaml("42")).isEqualTo(42L);
        assertThat(VariableType.BOOLEAN.toJson("false").isBoolean()).isTrue();
        assertThat(VariableType.VERSION.toYaml("12.3")).isEqualTo("12.3");
    }
}
