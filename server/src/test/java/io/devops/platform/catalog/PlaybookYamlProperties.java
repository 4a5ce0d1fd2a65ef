package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever text a value holds, the playbook reads back as exactly that text, and Jinja never sees it. */
class PlaybookYamlProperties {

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("{}%#:'\"\\\n\t -&*!|>@`,[]?").withCharRange('a', 'c')
                        .withCharRange('\u00e0', '\u00e9').withCharRange('\u4e00', '\u4e05').ofMaxLength(30),
                Arbitraries.of("yes", "no", "on", "off", "~", "null", "0777", "1e3", "12.3", ".inf", "- a", "{{ x }}",
                        "{% if %}", "{# c #}", "a: b", "'quoted'", "\"dq\"", "#comment", "", " lead", "trail "),
                Arbitraries.strings().all().ofMaxLength(20)
                        .filter(s -> s.codePoints().allMatch(Character::isDefined) && s.chars().noneMatch(c -> Character.isSurrogate((char) c))));
    }

    @Property(tries = 500)
    void everyValueParsesBackToItself(@ForAll("values") String first, @ForAll("values") String second) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("first", first);
        values.put("second", second);
        var plays = PlaybookYamlTests.parse(PlaybookYaml.render(List.of(PlaybookYamlTests.operator(1, "r", values))));
        @SuppressWarnings("unchecked")
        var vars = (Map<String, Object>) ((Map<String, Object>) ((List<?>) plays.get(0).get("pre_tasks")).get(0)).get("vars");
        assertThat(text(vars.get("first"))).isEqualTo(first);
        assertThat(text(vars.get("second"))).isEqualTo(second);
        for (Object value : vars.values()) {
            if (value instanceof String plain) {
                assertThat(plain).doesNotContain("{");
            }
        }
    }

    private static String text(Object value) {
        return value instanceof PlaybookYaml.Unsafe unsafe ? unsafe.text() : (String) value;
    }
}
