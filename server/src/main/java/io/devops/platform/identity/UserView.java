package io.devops.platform.identity;

import io.devops.platform.shared.Versioned;
import java.time.Instant;

/** A user as the API shows it. */
record UserView(long id, String username, String displayName, Role role, boolean enabled,
                Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) implements Versioned {

    static UserView of(UserAccount account) {
        return new UserView(account.id(), account.username(), account.displayName(), account.role(),
                account.enabled(), account.createdAt(), account.createdBy(), account.updatedAt(), account.updatedBy(),
                account.version());
    }
}
