package io.devops.platform.inventory;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.devops.platform.shared.Versioned;

/** A label (key=value) and how many nodes and pools carry it. */
record LabelView(long id, String key, String value, String description, long nodeCount, long poolCount,
                 @JsonUnwrapped AuditStamp audit) implements Versioned {

    @Override
    public long version() {
        return audit.version();
    }
}
