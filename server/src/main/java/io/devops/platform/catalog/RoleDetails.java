package io.devops.platform.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A role as the API shows it: where its files come from, the files of its newest version
 * ({@code version}, {@code hash}; null before the first upload), its variables, the report files it
 * writes on each node (collected after it runs), and its {@code revision} for If-Match. An upload's
 * answer adds {@code proposedVariables} and {@code variableChanges} (see {@link RoleDiff}).
 */
record RoleDetails(long id, String name, String description, String source, boolean deleted, boolean hasTasks,
                   List<String> files, List<Variable.View> variables, List<String> reports,
                   @JsonInclude(JsonInclude.Include.ALWAYS) Integer version,
                   @JsonInclude(JsonInclude.Include.ALWAYS) String hash, int revision, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                   List<ProposedVariable> proposedVariables, VariableChanges variableChanges) {

    static RoleDetails of(CatalogRole role, RoleVersion head, RoleContent files, List<Variable.View> variables,
                          List<String> reports) {
        return new RoleDetails(role.id(), role.name(), role.description(), role.source(), role.deleted(),
                files != null && files.hasTasks(), files == null ? List.of() : files.paths(), variables, reports,
                head == null ? null : head.version(), head == null ? null : head.hash(), role.revision(),
                role.createdAt(), role.createdBy(), role.updatedAt(), role.updatedBy(), null, null);
    }

    /** An upload's answer: the variables the files declare and how they differ from the declared ones. */
    RoleDetails withProposal(List<ProposedVariable> proposed, VariableChanges changes) {
        return new RoleDetails(id, name, description, source, deleted, hasTasks, files, variables, reports, version, hash,
                revision, createdAt, createdBy, updatedAt, updatedBy, proposed, changes);
    }
}
