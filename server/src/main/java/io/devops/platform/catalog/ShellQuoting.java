package io.devops.platform.catalog;

import java.util.regex.Pattern;

/**
 * POSIX shell quoting for substituted values. Anything outside a small set of harmless characters
 * is wrapped in single quotes, inside which the shell interprets nothing; a single quote in the
 * value becomes {@code '\''} (close, escaped quote, reopen). The result is always one word.
 */
final class ShellQuoting {

    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_./:@%+,-]+");

    private ShellQuoting() {
    }

    static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell argument cannot contain a NUL character");
        }
        if (BARE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
