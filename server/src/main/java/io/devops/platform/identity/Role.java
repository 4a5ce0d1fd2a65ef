package io.devops.platform.identity;

import org.springframework.security.core.Authentication;

/** What a user may do: ADMIN everything, OPERATOR inventory, catalog and runs, VIEWER read only. */
public enum Role {
    ADMIN, OPERATOR, VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether {@code caller} holds this role itself (a global role; tenant roles are other authorities). */
    public boolean heldBy(Authentication caller) {
        return caller != null && caller.getAuthorities().stream().anyMatch(granted -> granted.getAuthority().equals(authority()));
    }
}
