package io.devops.platform.identity;

/** What a user may do: ADMIN everything, OPERATOR inventory, catalog and runs, VIEWER read only. */
public enum Role {
    ADMIN, OPERATOR, VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
