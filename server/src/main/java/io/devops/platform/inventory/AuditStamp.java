package io.devops.platform.inventory;

import java.time.Instant;

/**
 * The seed's audit columns, as every inventory resource shows them, and the version that an edit
 * must be based on (shared VersionedUpdate).
 */
record AuditStamp(Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {
}
