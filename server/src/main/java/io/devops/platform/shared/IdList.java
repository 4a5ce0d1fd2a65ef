package io.devops.platform.shared;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Numeric ids written into SQL as an IN list of literals, for the queries that run on thousands of
 * ids every second. Embedded H2 checks each row against a list of bound parameters one element at
 * a time (a thousand ids cost a million comparisons), but makes a hash set of a literal list.
 * Only {@code long}s are written, so nothing a user typed can reach the SQL text.
 */
public final class IdList {

    private IdList() {
    }

    /** {@code 1,2,3}: to be placed inside {@code IN (...)}; never empty (an empty IN list is not SQL). */
    public static String literals(Collection<Long> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs at least one id");
        }
        return ids.stream().map(id -> Long.toString(id)).collect(Collectors.joining(","));
    }
}
