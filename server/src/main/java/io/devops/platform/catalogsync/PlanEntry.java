package io.devops.platform.catalogsync;

/**
 * One line of an import plan. {@code action}: CREATE, NEW_VERSION, UNCHANGED or CONFLICT;
 * {@code problem} says why a CONFLICT is one: CHANGED_IN_PLATFORM (changed in the platform since the
 * export and differently in the tree), MISSING_REFERENCE (names something neither the tree nor the
 * platform has) or UNSUPPORTED_CHANGE (a change import does not make); null otherwise.
 */
record PlanEntry(String kind, String name, String action, String detail, String problem, String path,
                 Integer platformVersion, Integer exportedFromVersion) {

    static final String CREATE = "CREATE";
    static final String NEW_VERSION = "NEW_VERSION";
    static final String UNCHANGED = "UNCHANGED";
    static final String CONFLICT = "CONFLICT";

    boolean conflict() {
        return action.equals(CONFLICT);
    }

    boolean changes() {
        return action.equals(CREATE) || action.equals(NEW_VERSION);
    }
}
