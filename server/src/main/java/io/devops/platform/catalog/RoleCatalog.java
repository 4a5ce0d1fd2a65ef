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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roles, their file versions and their variables: every change checked against the revision it was
 * based on, then audited. Role files are code that runs as root on every node: only ADMIN may
 * change them, or the variables and reports that steer them (enforced by the security rules).
 */
@Service
@Transactional
class RoleCatalog {

    private final Roles roles;
    private final RoleVersions versions;
    private final Variables variables;
    private final Operators operators;
    private final ValueSets valueSets;
    private final RoleFileCache cache;
    private final RoleReports reports;
    private final CatalogProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final RoleNeeds needs;

    RoleCatalog(Roles roles, RoleVersions versions, Variables variables, Operators operators, ValueSets valueSets,
                RoleFileCache cache, RoleReports reports, CatalogProperties properties, AuditTrail audit, Clock clock,
                RoleNeeds needs) {
        this.needs = needs;
        this.roles = roles;
        this.versions = versions;
        this.variables = variables;
        this.operators = operators;
        this.valueSets = valueSets;
        this.cache = cache;
        this.reports = reports;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    CatalogRole role(long id) {
        return roles.byId(id).orElseThrow(() -> new NotFoundException("Role", id));
    }

    @Transactional(readOnly = true)
    RoleDetails details(long id) {
        CatalogRole role = role(id);
        RoleVersion head = versions.head(id).orElse(null);
        RoleContent files = head == null ? null : versions.content(head.hash()).orElseThrow();
        RoleNeeds.Resolved pinned = head == null ? new RoleNeeds.Resolved(List.of(), List.of())
                : new RoleNeeds.Resolved(needs.dependencies(head.id()), needs.collections(head.id()));
        return RoleDetails.of(role, head, files, variables.ofRole(id).stream().map(Variable::view).toList(),
                reports.ofRole(id), pinned);
    }

    /** Replaces the report files the role declares; templates saved from now on collect them. */
    RoleDetails setReports(long id, List<String> paths, BasedOn basedOn) {
        CatalogRole role = lockedAt(id, basedOn);
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

    /**
     * Validates the whole archive before anything changes, then stores its files as the role's new
     * version (the same files as the newest version add none) and answers the variables they declare.
     * With {@code declare} those not declared yet are added; changed and removed ones are only shown:
     * operators' stored values still name them.
     */
    RoleDetails upload(long id, InputStream archive, BasedOn basedOn, boolean declare) {
        CatalogRole role = lockedAt(id, basedOn);
        RoleContent content = read(role, archive);
        RoleDiff preview = preview(role, content, declare);
        RoleVersion before = versions.head(id).orElse(null);
        if (before == null || !before.hash().equals(content.hash())) {
            addVersion(role, content, CatalogRole.UPLOADED);
            roles.touch(id, CatalogRole.UPLOADED, clock.instant(), CurrentActor.name());
        }
        if (declare) {
            declareAdded(role, preview);
        }
        return details(id).withProposal(preview.proposedVariables(), preview.variables());
    }

    /** What uploading {@code archive} would change, files and variables, and which operators it breaks; saves nothing. */
    @Transactional(readOnly = true)
    RoleDiff preview(long id, InputStream archive) {
        CatalogRole role = role(id);
        return preview(role, read(role, archive), false);
    }

    /**
     * {@code declaring}: a proposed variable the catalog cannot take (a default longer than it keeps)
     * refuses the upload, naming it; otherwise it is left out of the comparison, so that a role Ansible
     * runs is never refused for what the catalog would only have proposed.
     */
    private RoleDiff preview(CatalogRole role, RoleContent content, boolean declaring) {
        List<ProposedVariable> proposed = RoleInterface.of(content);
        List<Variable> declared = variables.ofRole(role.id());
        VariableChanges changes = VariableChanges.between(declared, checked(role, proposed, declaring), operatorValues(role.id()));
        RoleVersion head = versions.head(role.id()).orElse(null);
        RoleContent current = head == null ? new RoleContent(List.of()) : versions.content(head.hash()).orElseThrow();
        int from = head == null ? 0 : head.version();
        int to = head != null && head.hash().equals(content.hash()) ? from : from + 1;
        return RoleDiff.between(from, current, to, content).withVariables(proposed, changes);
    }

    /** The proposal as variables, each checked as a declared one would be; a bad one names its file and key. */
    private static List<Variable> checked(CatalogRole role, List<ProposedVariable> proposed, boolean strict) {
        List<Variable> taken = new ArrayList<>();
        for (ProposedVariable p : proposed) {
            try {
                taken.add(p.draft().toVariable(role.id()));
            } catch (InvalidInputException e) {
                if (strict) {
                    throw new InvalidInputException("archive", "The role archive declares a variable the catalog cannot take: "
                            + p.source() + ": " + e.getMessage());
                }
            }
        }
        return taken;
    }

    private void declareAdded(CatalogRole role, RoleDiff preview) {
        List<String> added = preview.variables().added();
        for (ProposedVariable proposal : preview.proposedVariables()) {
            if (added.contains(proposal.name())) {
                Variable variable = proposal.draft().toVariable(role.id());
                long variableId = variables.insert(variable, clock.instant(), CurrentActor.name());
                audit.record("variable.created", "variable", variableId, "Declared variable " + variable.name()
                        + " of role " + role.name() + " from its files", null, variables.byId(variableId).orElseThrow().view());
            }
        }
        if (!added.isEmpty()) {
            roles.touch(role.id(), CatalogRole.UPLOADED, clock.instant(), CurrentActor.name());
        }
    }

    private List<VariableChanges.OperatorValues> operatorValues(long roleId) {
        return operators.activeOfRole(roleId).stream().map(row -> new VariableChanges.OperatorValues(row.id(), row.name(),
                row.optVersion(), valueSets.byId(row.valueSetId()).values())).toList();
    }

    private RoleContent read(CatalogRole role, InputStream archive) {
        try {
            Path work = cache.newWorkDir();
            try {
                Path folder = new RoleArchive(properties.maxExtractedSize().toBytes(), properties.maxArchiveEntries())
                        .extract(archive, work);
                return RoleContent.read(folder);
            } finally {
                RoleFileCache.deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the files of role " + role.name(), e);
        }
    }

    /** Stores {@code content} as the role's next version; the caller holds the role's row lock. */
    RoleVersion addVersion(CatalogRole role, RoleContent content, String source) {
        RoleNeeds.Resolved resolved = needs.resolve(role, content); // refused before anything is written
        RoleVersion added = versions.add(role.id(), content, source, clock.instant(), CurrentActor.name());
        needs.pin(added.id(), resolved);
        audit.record("role.uploaded", "role", role.id(), "Role " + role.name() + " has files version " + added.version()
                + " (" + added.hash() + ")", null, Map.of("version", added.version(), "hash", added.hash(),
                "source", source, "files", content.paths(), "needs", RoleDetails.Need.of(resolved)));
        return added;
    }

    @Transactional(readOnly = true)
    List<RoleVersion> versions(long id) {
        role(id);
        return versions.ofRole(id);
    }

    /** What changed in the role's files from version {@code from} to version {@code to}. */
    @Transactional(readOnly = true)
    RoleDiff diff(long id, int from, int to) {
        CatalogRole role = role(id);
        return RoleDiff.between(from, contentOf(role, from), to, contentOf(role, to));
    }

    private RoleContent contentOf(CatalogRole role, int version) {
        RoleVersion found = versions.byNumber(role.id(), version).orElseThrow(() -> new NotFoundException(
                "Version " + version + " of role " + role.name() + " does not exist"));
        return versions.content(found.hash()).orElseThrow();
    }

    void delete(long id, BasedOn basedOn) {
        CatalogRole role = lockedAt(id, basedOn);
        List<String> users = operators.activeNamesUsingRole(id);
        if (!users.isEmpty()) {
            throw new ConflictException("Role " + role.name() + " is used by operator(s) " + String.join(", ", users)
                    + "; delete those operators first");
        }
        roles.softDelete(id, clock.instant(), CurrentActor.name());
        audit.record("role.deleted", "role", id, "Deleted role " + role.name(), role, null);
    }

    Variable addVariable(long roleId, Variable draft, BasedOn basedOn) {
        CatalogRole role = lockedAt(roleId, basedOn);
        if (variables.ofRole(roleId).stream().anyMatch(v -> v.name().equals(draft.name()))) {
            throw new ConflictException("Role " + role.name() + " already has a variable named " + draft.name());
        }
        long id = variables.insert(draft, clock.instant(), CurrentActor.name());
        Variable created = variables.byId(id).orElseThrow();
        roles.touch(roleId, role.source(), clock.instant(), CurrentActor.name());
        audit.record("variable.created", "variable", id, "Added variable " + draft.name() + " to role " + role.name(),
                null, created.view());
        return created;
    }

    void deleteVariable(long roleId, long variableId, BasedOn basedOn) {
        CatalogRole role = lockedAt(roleId, basedOn);
        Variable variable = variables.byId(variableId).filter(v -> v.roleId() == roleId)
                .orElseThrow(() -> new NotFoundException("Variable", variableId));
        List<String> users = variables.operatorsUsing(variableId);
        if (!users.isEmpty() || variables.hasValues(variableId)) {
            throw new ConflictException("Variable " + variable.name() + " has values in operator(s) "
                    + String.join(", ", users) + "; versions keep their values, so it cannot be removed");
        }
        variables.delete(variableId);
        roles.touch(roleId, role.source(), clock.instant(), CurrentActor.name());
        audit.record("variable.deleted", "variable", variableId, "Removed variable " + variable.name(),
                variable.view(), null);
    }

    /** The role, its row locked until the change commits, refused when the change was based on another revision. */
    private CatalogRole lockedAt(long id, BasedOn basedOn) {
        roles.lock(id); // first: a read before it would fix MariaDB's snapshot before the lock is held
        CatalogRole role = role(id);
        basedOn.check("Role " + role.name() + " (its revision)", role.revision());
        return role;
    }
}
