package io.devops.platform.collections;

import java.time.Instant;

/** One stored version of a collection; {@code sha256} is the artifact's, as {@code sha256sum} prints it. */
public record AnsibleCollection(long id, String namespace, String name, String version, String sha256, long size,
                                Instant createdAt, String createdBy) {

    /** {@code namespace.name}, as roles and playbooks name the collection. */
    public String fullName() {
        return namespace + "." + name;
    }
}
