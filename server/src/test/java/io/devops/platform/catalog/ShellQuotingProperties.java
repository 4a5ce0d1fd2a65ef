package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a parameter holds, the real shell sees it as exactly one literal argument. */
class ShellQuotingProperties {

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.strings()
                .withChars("'\"\\$`;&|<>(){}[]*?~#!=%^\n\t -")
                .withCharRange('a', 'c')
                .withCharRange('\u00e0', '\u00e9')
                .withCharRange('\u4e00', '\u4e05')
                .ofMaxLength(24);
    }

    @Property(tries = 250)
    void quotedValueIsOneWordTheShellReadsBackUnchanged(@ForAll("hostile") String value) {
        assertThat(Shell.wordsOf(ShellQuoting.quote(value))).isEqualTo("1:" + value);
    }

    @Property(tries = 150)
    void renderedCommandPassesEveryParameterAsItsOwnLiteralArgument(@ForAll("hostile") String first,
                                                                    @ForAll("hostile") String second) {
        String command = CommandTemplate.parse("set -- <a> \"lit\" <b>\nprintf '%s|%s|%s|%s' \"$#\" \"$1\" \"$2\" \"$3\"")
                .render(Map.of("a", first, "b", second));
        assertThat(Shell.run(command)).isEqualTo("3|" + first + "|lit|" + second);
    }
}
