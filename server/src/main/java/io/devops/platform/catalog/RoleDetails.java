package io.devops.platform.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A role as the API shows it: where its files come from, the files themselves, its variables and
 * the report files it writes on each node (collected after it runs).
 */
record RoleDetails(long id, String name, String description, String source, boolean deleted, boolean hasTasks,
                   List<String> files, List<Variable.View> variables, List<String> reports, Instant createdAt,
                   String createdBy, Instant updatedAt, String updatedBy) {

    static RoleDetails of(CatalogRole role, boolean hasTasks, List<String> files, List<Variable.View> variables,
                          List<String> reports) {
        return new RoleDetails(role.id(), role.name(), role.description(), role.source(), role.deleted(), hasTasks,
                files, variables, reports, role.createdAt(), role.createdBy(), role.updatedAt(), role.updatedBy());
    }
}
