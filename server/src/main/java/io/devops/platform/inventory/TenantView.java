package io.devops.platform.inventory;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.devops.platform.shared.Versioned;

/** A tenant: a customer of the GPU cloud that owns node pools; {@code slug} names its inventory group ({@code tenant_<slug>}). */
record TenantView(long id, String name, String slug, String description, long poolCount, @JsonUnwrapped AuditStamp audit) implements Versioned {

    @Override
    public long version() {
        return audit.version();
    }
}
