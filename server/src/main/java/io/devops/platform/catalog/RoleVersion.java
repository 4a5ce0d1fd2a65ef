package io.devops.platform.catalog;

import java.time.Instant;

/**
 * One immutable version of a role's files: {@code hash} names its content (see {@link RoleContent}).
 * {@code source} says where it came from: {@code builtin} (the platform's own), {@code uploaded} or
 * {@code imported} (files found in the roles directory of a platform that stored them there).
 */
record RoleVersion(long id, long roleId, int version, String hash, String source, int fileCount, long totalBytes,
                   Instant createdAt, String createdBy) {

    static final String IMPORTED = "imported";
}
