package io.devops.platform.catalog;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Roles, their files and their variables: every change checked, then audited. */
@Service
@Transactional
class RoleCatalog {

    private final Roles roles;
    private final Variables variables;
    private final Operators operators;
    private final RoleFiles files;
    private final RoleReports reports;
    private final CatalogProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    RoleCatalog(Roles roles, Variables variables, Operators operators, RoleFiles files, RoleReports reports,
                CatalogProperties properties, AuditTrail audit, Clock clock) {
        this.roles = roles;
        this.variables = variables;
        this.operators = operators;
        this.files = files;
        this.reports = reports;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    CatalogRole role(long id) {
        return roles.byId(id).orElseThrow(() -> new NotFoundException("Role", id));
    }

    RoleDetails details(long id) {
        CatalogRole role = role(id);
        return RoleDetails.of(role, files.hasTasks(role.name()), files.list(role.name()),
                variables.ofRole(id).stream().map(Variable::view).toList(), reports.ofRole(id));
    }

    /** Replaces the report files the role declares; templates saved from now on collect them. */
    RoleDetails setReports(long id, List<String> paths) {
        CatalogRole role = role(id);
        List<String> checked = RoleReports.checked(paths);
        List<String> before = reports.ofRole(id);
        reports.replace(id, checked);
        roles.touch(id, role.source(), clock.instant(), CurrentActor.name());
        audit.record("role.reports.updated", "role", id, "Set the reports of role " + role.name(), before, checked);
        return details(id);
    }

    CatalogRole create(String name, String description, String source) {
        AnsibleNames.roleNameProblem(name).ifPresent(problem -> {
            throw new InvalidInputException("name", problem);
        });
        roles.byName(name).ifPresent(existing -> {
            throw new ConflictException("A role named '" + name + "' already exists (id " + existing.id()
                    + (existing.deleted() ? ", deleted" : "") + ")");
        });
        long id = roles.insert(name, description, source, clock.instant(), CurrentActor.name());
        CatalogRole role = role(id);
        audit.record("role.created", "role", id, "Created role " + name, null, role);
        return role;
    }

    /** Validates the whole archive before anything changes; then the role's folder is swapped at once. */
    RoleDetails upload(long id, InputStream archive) {
        CatalogRole role = role(id);
        try {
            Path work = files.newWorkDir();
            try {
                Path folder = new RoleArchive(properties.maxExtractedSize().toBytes(), properties.maxArchiveEntries())
                        .extract(archive, work);
                files.replace(role.name(), folder);
            } finally {
                RoleFiles.deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the files of role " + role.name(), e);
        }
        roles.touch(id, CatalogRole.UPLOADED, clock.instant(), CurrentActor.name());
        RoleDetails after = details(id);
        audit.record("role.uploaded", "role", id, "Uploaded the files of role " + role.name(), null, after.files());
        return after;
    }

    void delete(long id) {
        CatalogRole role = role(id);
        List<String> users = operators.activeNamesUsingRole(id);
        if (!users.isEmpty()) {
            throw new ConflictException("Role " + role.name() + " is used by operator(s) " + String.join(", ", users)
                    + "; delete those operators first");
        }
        roles.softDelete(id, clock.instant(), CurrentActor.name());
        audit.record("role.deleted", "role", id, "Deleted role " + role.name(), role, null);
    }

    Variable addVariable(long roleId, Variable draft) {
        CatalogRole role = role(roleId);
        if (variables.ofRole(roleId).stream().anyMatch(v -> v.name().equals(draft.name()))) {
            throw new ConflictException("Role " + role.name() + " already has a variable named " + draft.name());
        }
        long id = variables.insert(draft, clock.instant(), CurrentActor.name());
        Variable created = variables.byId(id).orElseThrow();
        audit.record("variable.created", "variable", id, "Added variable " + draft.name() + " to role " + role.name(),
                null, created.view());
        return created;
    }

    void deleteVariable(long roleId, long variableId) {
        Variable variable = variables.byId(variableId).filter(v -> v.roleId() == roleId)
                .orElseThrow(() -> new NotFoundException("Variable", variableId));
        List<String> users = variables.operatorsUsing(variableId);
        if (!users.isEmpty() || variables.hasValues(variableId)) {
            throw new ConflictException("Variable " + variable.name() + " has values in operator(s) "
                    + String.join(", ", users) + "; versions keep their values, so it cannot be removed");
        }
        variables.delete(variableId);
        audit.record("variable.deleted", "variable", variableId, "Removed variable " + variable.name(),
                variable.view(), null);
    }
}
