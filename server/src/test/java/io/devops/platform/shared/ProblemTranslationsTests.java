package io.devops.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTranslationsTests {

    private final ProblemTranslations chinese = ProblemTranslations.chinese();

    @Test
    void theShippedCatalogueLoadsWithEveryPartNamedOnBothSides() {
        assertThat(chinese.size()).isGreaterThan(200);
    }

    @Test
    void translatesARefusalKeepingItsVariablePartsVerbatim() {
        assertThat(chinese.translate("A user named 'ops_1' already exists")).hasValue("已存在名为“ops_1”的用户");
        assertThat(chinese.translate("must be between 1 and 500, not 900")).hasValue("必须在 1 到 500 之间，而不是 900");
    }

    @Test
    void translatesTheKindOfObjectInsideASentence() {
        assertThat(chinese.translate("Node pool 7 does not exist")).hasValue("节点池 7 不存在");
        assertThat(chinese.translate("Run 12 does not exist")).hasValue("执行 12 不存在");
    }

    @Test
    void translatesANestedRefusalAndEachItemOfAList() {
        assertThat(chinese.translate("The operator's values are not valid: values.port: must be an integer"))
                .hasValue("操作项的取值无效：values.port：必须是整数");
        assertThat(chinese.translate("Cannot resume run 5: node 3 does not exist; node pool 4 does not exist"))
                .hasValue("无法继续执行 5：节点 3 不存在；节点池 4 不存在");
    }

    @Test
    void translatesTheCronRefusalTheConsoleShowsWhileTyping() {
        assertThat(chinese.translate("'0 3 * *' has 4 fields; use 5 fields (minute hour day-of-month month day-of-week,"
                + " e.g. \"0 3 * * *\") or Spring's 6 with the second first (e.g. \"0 0 3 * * *\", the second a single"
                + " number), or a macro such as @daily")).hasValueSatisfying(text -> assertThat(text).startsWith("“0 3 * *”有 4 个字段；"));
    }

    @Test
    void prefersTheMostSpecificTemplate() {
        assertThat(chinese.translate("must be one of [A, B], not 'C'")).hasValue("必须是以下之一：[A, B]，而不是“C”");
        assertThat(chinese.translate("must be one of [A, B]")).hasValue("必须是以下之一：[A, B]");
    }

    @Test
    void leavesTextItDoesNotKnowAlone() {
        assertThat(chinese.translate("a message nobody translated")).isEmpty();
        assertThat(chinese.translateOrKeep("a message nobody translated")).isEqualTo("a message nobody translated");
    }

    @Test
    void refusesACataloguePairWhoseSidesNameDifferentParts() {
        assertThatThrownBy(() -> ProblemTranslations.parse(List.of("en: Node {id} is gone", "zh: 节点 {ip} 不见了")))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> ProblemTranslations.parse(List.of("en: Node {id} is gone")))
                .hasMessageContaining("no 'zh:' line");
    }
}
