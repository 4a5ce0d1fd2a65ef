package io.devops.platform.catalog;

import java.time.Instant;

/** An Ansible role known to the platform; its files live in the roles directory under its name. */
record CatalogRole(long id, String name, String description, String source, boolean deleted,
                   Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    static final String BUILTIN = "builtin";
    static final String CREATED = "created";
    static final String UPLOADED = "uploaded";
}
