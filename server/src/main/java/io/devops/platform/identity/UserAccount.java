package io.devops.platform.identity;

import java.time.Instant;

/** A stored user; the password hash never leaves the identity module. */
record UserAccount(long id, String username, String displayName, String passwordHash, Role role,
                   boolean enabled, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                   long version) {
}
