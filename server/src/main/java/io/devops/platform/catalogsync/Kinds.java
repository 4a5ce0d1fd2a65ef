package io.devops.platform.catalogsync;

import io.devops.platform.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which kinds an export holds ({@code ?include=roles,templates}); all of them when none is named. */
record Kinds(Set<String> included) {

    static final List<String> ALL = List.of("roles", "operators", "scripts", "templates", "jobs", "health-policies");

    static Kinds parse(String include) {
        if (include == null || include.isBlank()) {
            return new Kinds(new LinkedHashSet<>(ALL));
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String raw : include.split(",")) {
            String kind = raw.trim().toLowerCase(Locale.ROOT);
            if (!ALL.contains(kind)) {
                throw new InvalidInputException("include", "'" + raw.trim() + "' is not a kind; use any of " + ALL);
            }
            chosen.add(kind);
        }
        return new Kinds(chosen);
    }

    boolean has(String kind) {
        return included.contains(kind);
    }

    List<String> names() {
        return new ArrayList<>(ALL.stream().filter(included::contains).toList());
    }
}
