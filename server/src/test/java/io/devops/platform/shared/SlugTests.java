package io.devops.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devops.platform.shared.InvalidInputException.InputError;
import org.junit.jupiter.api.Test;

class SlugTests {

    private static final String SAFE = "[a-z0-9]+(_[a-z0-9]+)*";

    @Test
    void aNameThatIsAlreadyAnIdentifierIsItsOwnSlug() {
        assertThat(Slug.of("west_cloud")).isEqualTo("west_cloud");
        assertThat(Slug.of("nodepool_1")).isEqualTo("nodepool_1");
    }

    @Test
    void aChineseNameGetsAStableHashedSlugThatTellsNeighboursApart() {
        String a = Slug.of("交付任务-北京A区");
        String b = Slug.of("交付任务-北京B区");

        assertThat(a).matches("a_[0-9a-f]{8}").isEqualTo(Slug.of("交付任务-北京A区"));
        assertThat(b).matches("b_[0-9a-f]{8}");
        assertThat(Slug.of("北京")).matches("[0-9a-f]{8}");
        assertThat(a.substring(2)).isNotEqualTo(b.substring(2));
    }

    @Test
    void accentsAndCaseFoldButTheHashKeepsDifferentSpellingsApart() {
        assertThat(Slug.of("Café Pool")).startsWith("cafe_pool_");
        assertThat(Slug.of("GPU-Pool")).isNotEqualTo(Slug.of("gpu_pool")).startsWith("gpu_pool_");
    }

    @Test
    void nothingThatCouldInjectSurvives() {
        for (String name : new String[] {"a'; rm -rf / #", "{{ lookup('pipe','id') }}", "../../etc/passwd", "x: [1]\n- y",
                "池 {% raw %}", "‮abc"}) {
            assertThat(Slug.of(name)).as(name).matches(SAFE).hasSizeLessThanOrEqualTo(Slug.MAX_LENGTH);
        }
    }

    @Test
    void aLongNameIsCutButStaysUnique() {
        String long1 = "a".repeat(60) + "1";
        String long2 = "a".repeat(60) + "2";
        assertThat(Slug.of(long1)).isEqualTo(long1);
        assertThat(Slug.of(long1 + "-x")).hasSizeLessThanOrEqualTo(Slug.MAX_LENGTH)
                .isNotEqualTo(Slug.of(long2 + "-x"));
    }

    @Test
    void displayNamesTakeAnyUnicodeAndAreStoredStrippedInNfc() {
        assertThat(DisplayName.check("name", "  交付任务-北京A区 ")).isEqualTo("交付任务-北京A区");
        assertThat(DisplayName.check("name", "Cafe\u0301")).isEqualTo("Café");
        assertThat(DisplayName.check("name", "池".repeat(64))).hasSize(64);
    }

    @Test
    void aRefusedDisplayNameSaysWhichRule() {
        assertRule(null, DisplayName.REQUIRED, null);
        assertRule("   ", DisplayName.REQUIRED, null);
        assertRule("池".repeat(65), DisplayName.TOO_LONG, 64);
        assertRule("a\tb", DisplayName.CONTROL, null);
        assertRule("ab\u200b", DisplayName.CONTROL, null);
        assertRule("abc\u202e", DisplayName.CONTROL, null);
    }

    private static void assertRule(String name, String rule, Integer limit) {
        assertThatThrownBy(() -> DisplayName.check("name", name)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).singleElement().extracting(InputError::field, InputError::rule, InputError::limit)
                        .containsExactly("name", rule, limit));
    }
}
