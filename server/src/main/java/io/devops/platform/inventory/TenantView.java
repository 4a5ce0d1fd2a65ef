package io.devops.platform.inventory;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A tenant: a customer of the GPU cloud that owns node pools. */
record TenantView(long id, String name, String description, long poolCount, @JsonUnwrapped AuditStamp audit) {
}
