package io.devops.platform.identity;

import java.time.Instant;

/** A user as the API shows it. */
record UserView(long id, String username, String displayName, Role role, boolean enabled,
                Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    static UserView of(UserAccount account) {
        return new UserView(account.id(), account.username(), account.displayName(), account.role(),
                account.enabled(), account.createdAt(), account.createdBy(), account.updatedAt(), account.updatedBy());
    }
}
