package io.devops.platform.inventory;

import io.devops.platform.shared.InvalidInputException;
import java.util.regex.Pattern;

/** Names of tenants and pools: safe in inventories, file names and URLs. */
final class Names {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private Names() {
    }

    static String check(String field, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException(field,
                    "use 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        return name;
    }
}
