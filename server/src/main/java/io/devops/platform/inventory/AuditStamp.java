package io.devops.platform.inventory;

import java.time.Instant;

/** The seed's audit columns, as every inventory resource shows them. */
record AuditStamp(Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
