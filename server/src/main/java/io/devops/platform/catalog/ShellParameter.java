package io.devops.platform.catalog;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A declared parameter of a shell: a value must have the type and match the whole pattern before
 * it is substituted (and then it is shell-quoted all the same).
 */
record ShellParameter(String name, VariableType type, String pattern, boolean required, String defaultValue,
                      String description) {

    /** Used when a parameter declares no pattern: one word of harmless characters. */
    static final String DEFAULT_PATTERN = "[A-Za-z0-9_.:/@%+,=-]+";

    String check(String value) {
        String canonical = type.normalize(value, List.of());
        if (!Pattern.compile(pattern).matcher(canonical).matches()) {
            throw new IllegalArgumentException("'" + abbreviate(canonical) + "' does not match the pattern " + pattern);
        }
        return canonical;
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
