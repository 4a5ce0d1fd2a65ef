package io.devops.platform.catalogsync;

/**
 * One line of an import plan. {@code action}: CREATE, NEW_VERSION, UNCHANGED or CONFLICT;
 * {@code problem} says why a CONFLICT is one: CHANGED_IN_PLATFORM (changed in the platform since the
 * export and differently in the tree), MISSING_REFERENCE (names something neither the tree nor the
 * platform has) or UNSUPPORTED_CHANGE (a change import does not make); null otherwise.
 * {@code appliedVersion}: once applied, the version the item was stored as.
 */
record PlanEntry(String kind, String name, String action, String detail, String problem, String path,
                 Integer platformVersion, Integer exportedFromVersion, Integer appliedVersion) {

    static final String CREATE = "CREATE";
    static final String NEW_VERSION = "NEW_VERSION";
    static final String UNCHANGED = "UNCHANGED";
    static final String CONFLICT = "CONFLICT";

    /** The entry after it was applied: the version it was stored as (a role's revision). */
    PlanEntry applied(int version) {
        return new PlanEntry(kind, name, action, detail, problem, path, platformVersion, exportedFromVersion, version);
    }

    boolean conflict() {
        return action.equals(CONFLICT);
    }

    boolean changes() {
        return action.equals(CREATE) || action.equals(NEW_VERSION);
    }
}
