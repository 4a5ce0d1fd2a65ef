package io.devops.platform.catalog;

import io.devops.platform.shared.BoundedRegex;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A declared parameter of a shell: a value must have the type and match the whole pattern before
 * it is substituted (and then it is shell-quoted all the same). Quoting keeps a value one word, but
 * a word starting with {@code -} is still read as an option by most commands ({@code rm <dir>} with
 * {@code -rf}), so such a value is refused unless the pattern itself starts with a literal dash.
 * The pattern is the shell author's text: it is matched within a time bound ({@link BoundedRegex}).
 */
record ShellParameter(String name, VariableType type, String pattern, boolean required, String defaultValue,
                      String description) {

    /** Used when a parameter declares no pattern: one word of harmless characters. */
    static final String DEFAULT_PATTERN = "[A-Za-z0-9_.:/@%+,=-]+";

    /** {@code -x}, {@code \\-x}, optionally after {@code ^} or an opening group: the author meant options. */
    private static final Pattern LEADING_DASH = Pattern.compile("\\^?(\\((\\?:)?)*\\\\?-.*", Pattern.DOTALL);

    String check(String value) {
        String canonical = type.normalize(value, List.of());
        if (canonical.startsWith("-") && !allowsLeadingDash()) {
            throw new IllegalArgumentException("'" + abbreviate(canonical) + "' starts with '-', which the command"
                    + " would read as an option; give a value that does not start with '-', or declare a pattern that"
                    + " starts with a literal '-' (e.g. -?[0-9]+) where options or negative numbers are meant");
        }
        if (!BoundedRegex.matches(Pattern.compile(pattern), canonical)) {
            throw new IllegalArgumentException("'" + abbreviate(canonical) + "' does not match the pattern " + pattern);
        }
        return canonical;
    }

    boolean allowsLeadingDash() {
        return LEADING_DASH.matcher(pattern).matches();
    }

    record View(String name, String type, String pattern, boolean required, String defaultValue, String description) {
    }

    View view() {
        return new View(name, type.apiName(), pattern, required, defaultValue, description);
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
