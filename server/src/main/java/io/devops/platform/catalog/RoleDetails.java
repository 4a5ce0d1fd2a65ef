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
                   List<String> dependencies, List<String> collections, List<Need> needs,
                   List<ProposedVariable> proposedVariables, VariableChanges variableChanges) {

    /**
     * A role or collection the newest version pinned when it was stored: {@code kind} {@code role}
     * (its files version) or {@code collection} (its version and the artifact's SHA-256).
     */
    record Need(String kind, String name, String version, String sha256) {

        static List<Need> of(RoleNeeds.Resolved resolved) {
            var needs = new java.util.ArrayList<Need>();
            resolved.dependencies().forEach(d -> needs.add(new Need("role", d.roleName(), String.valueOf(d.version()), d.hash())));
            resolved.collections().forEach(c -> needs.add(new Need("collection", c.fullName(), c.version(), c.sha256())));
            return List.copyOf(needs);
        }
    }

    static RoleDetails of(CatalogRole role, RoleVersion head, RoleContent files, List<Variable.View> variables,
                          List<String> reports, RoleNeeds.Resolved pinned) {
        return new RoleDetails(role.id(), role.name(), role.description(), role.source(), role.deleted(),
                files != null && files.hasTasks(), files == null ? List.of() : files.paths(), variables, reports,
                head == null ? null : head.version(), head == null ? null : head.hash(), role.revision(),
                role.createdAt(), role.createdBy(), role.updatedAt(), role.updatedBy(),
                pinned.dependencies().stream().map(RoleNeeds.PinnedRole::roleName).toList(),
                pinned.collections().stream().map(c -> c.fullName()).toList(), Need.of(pinned), null, null);
    }

    /** An upload's answer: the variables the files declare and how they differ from the declared ones. */
    RoleDetails withProposal(List<ProposedVariable> proposed, VariableChanges changes) {
        return new RoleDetails(id, name, description, source, deleted, hasTasks, files, variables, reports, version, hash,
                revision, createdAt, createdBy, updatedAt, updatedBy, dependencies, collections, needs, proposed, changes);
    }
}
