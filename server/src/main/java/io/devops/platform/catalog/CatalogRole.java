package io.devops.platform.catalog;

import java.time.Instant;

/**
 * An Ansible role known to the platform; its files are stored as versions ({@link RoleVersion}).
 * {@code revision} counts the changes to the role (files, variables, reports): If-Match names it.
 */
record CatalogRole(long id, String name, String description, String source, int revision, boolean deleted,
                   Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    static final String BUILTIN = "builtin";
    static final String CREATED = "created";
    static final String UPLOADED = "uploaded";
}
