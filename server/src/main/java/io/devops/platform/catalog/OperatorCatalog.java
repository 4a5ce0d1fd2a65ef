package io.devops.platform.catalog;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Operators: every edit is a new immutable version; deletion is soft and refused while templates use it. */
@Service
@Transactional
class OperatorCatalog {

    private final Operators operators;
    private final ValueSets valueSets;
    private final Roles roles;
    private final RoleVersions roleVersions;
    private final Variables variables;
    private final OperatorSecrets secrets;
    private final AuditTrail audit;
    private final Clock clock;
    private final RoleNeeds needs;

    OperatorCatalog(Operators operators, ValueSets valueSets, Roles roles, RoleVersions roleVersions, Variables variables,
                    OperatorSecrets secrets, AuditTrail audit, Clock clock, RoleNeeds needs) {
        this.needs = needs;
        this.secrets = secrets;
        this.roleVersions = roleVersions;
        this.operators = operators;
        this.valueSets = valueSets;
        this.roles = roles;
        this.variables = variables;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Operator get(long id) {
        return withValues(row(id));
    }

    @Transactional(readOnly = true)
    Optional<Operator> find(long id) {
        return operators.byId(id).map(this::withValues);
    }

    @Transactional(readOnly = true)
    PageResult<Operator> page(String name, Long roleId, boolean allVersions, PageQuery query) {
        return operators.page(name, roleId, allVersions, query).map(this::withValues);
    }

    @Transactional(readOnly = true)
    List<Operator> lineage(long id) {
        return operators.lineage(row(id).originalOptId()).stream().map(this::withValues).toList();
    }

    Operator create(OperatorDraft draft) {
        Operators.NewVersion version = distinct(newVersion(draft, Map.of()), draft.named(), 0);
        long id = operators.insert(version, null, 1, clock.instant(), CurrentActor.name());
        Operator created = get(id);
        audit.record("operator.created", "operator", id, "Created operator " + created.name(), null, created);
        return created;
    }

    /**
     * A new version at the head of the lineage that {@code id} belongs to; refused when the change
     * was based on another version than the head.
     */
    Operator update(long id, OperatorDraft draft, BasedOn basedOn) {
        Operators.Row current = head(row(id));
        basedOn.check("Operator " + current.name(), current.optVersion());
        if (draft.roleId() != null && draft.roleId() != current.roleId()) {
            throw new InvalidInputException("roleId", "an operator keeps its role; create a new operator for role "
                    + draft.roleId());
        }
        var withRole = new OperatorDraft(current.roleId(), draft.pkgVersion(), draft.name(), draft.description(),
                draft.values());
        long lineage = current.originalOptId();
        Operators.NewVersion version = distinct(newVersion(withRole, sealedSecrets(current)), withRole.named(), lineage);
        if (!operators.retireHead(lineage)) {
            throw new ConflictException("Operator " + current.name() + " was deleted or changed meanwhile; reload it");
        }
        long newId = operators.insert(version, lineage, operators.nextVersion(lineage), clock.instant(), CurrentActor.name());
        Operator updated = get(newId);
        audit.record("operator.updated", "operator", newId, "Operator " + updated.name() + " is now version "
                + updated.optVersion(), withValues(current), updated);
        return updated;
    }

    void delete(long id, BasedOn basedOn) {
        Operators.Row current = head(row(id));
        basedOn.check("Operator " + current.name(), current.optVersion());
        List<String> templates = operators.templatesUsing(current.originalOptId());
        if (!templates.isEmpty()) {
            throw new ConflictException("Operator " + current.name() + " is used by template(s) "
                    + String.join(", ", templates) + "; remove it from them first");
        }
        operators.softDeleteLineage(current.originalOptId(), clock.instant(), CurrentActor.name());
        audit.record("operator.deleted", "operator", current.originalOptId(), "Deleted operator " + current.name()
                + " (all versions stay readable)", withValues(current), null);
    }

    /**
     * Two live operators of one role with one name and package version would look the same in every
     * picker: a name the caller chose is refused, the default name (the role's) gets the first free
     * " (2)", " (3)"… instead.
     */
    private Operators.NewVersion distinct(Operators.NewVersion version, boolean named, long exceptLineage) {
        Optional<Long> other = operators.liveNamed(version.roleId(), version.name(), version.pkgVersion(), exceptLineage);
        if (other.isEmpty()) {
            return version;
        }
        if (named) {
            String detail = "Operator " + other.get() + " of this role is already named '" + version.name() + "' for "
                    + (version.pkgVersion().isEmpty() ? "no package version" : "package version '" + version.pkgVersion() + "'")
                    + "; give this one another name or package version";
            throw new ConflictException(detail, Map.of("errors", List.of(new InputError("name", detail, "operator.duplicate", null)),
                    "operatorId", other.get()));
        }
        for (int n = 2; ; n++) {
            Operators.NewVersion numbered = version.named(version.name() + " (" + n + ")");
            if (operators.liveNamed(numbered.roleId(), numbered.name(), numbered.pkgVersion(), exceptLineage).isEmpty()) {
                return numbered;
            }
        }
    }

    private Operators.NewVersion newVersion(OperatorDraft draft, Map<Long, String> sealedBefore) {
        if (draft.roleId() == null) {
            throw new InvalidInputException("roleId", "is required");
        }
        CatalogRole role = roles.byId(draft.roleId()).filter(r -> !r.deleted())
                .orElseThrow(() -> new InvalidInputException("roleId", "role " + draft.roleId() + " does not exist"));
        needs.requireDependenciesKept(role);
        List<Variable> declared = variables.ofRole(role.id());
        Set<String> setBefore = declared.stream().filter(v -> sealedBefore.containsKey(v.id())).map(Variable::name)
                .collect(Collectors.toSet());
        Map<Long, String> values = stored(declared, draft, draft.checkedValues(declared, role.name(), setBefore), sealedBefore);
        Instant now = clock.instant();
        var set = valueSets.findOrCreate(role.id(), draft.pkgVersionOrEmpty(), values, now, CurrentActor.name());
        // Pinned: a later upload of the role's files never changes what this version runs.
        Long roleVersionId = roleVersions.head(role.id()).map(RoleVersion::id).orElse(null);
        return new Operators.NewVersion(draft.nameOr(role.name()), role.id(), draft.pkgVersionOrEmpty(), set.id(),
                draft.description(), roleVersionId);
    }

    /**
     * What the value set stores: secrets sealed, and a secret set before and left out of the draft
     * kept as it was sealed (so that the value set stays the same when nothing else changed).
     */
    private Map<Long, String> stored(List<Variable> declared, OperatorDraft draft, Map<Long, String> checked,
                                     Map<Long, String> sealedBefore) {
        Map<Long, String> stored = new LinkedHashMap<>();
        for (Variable variable : declared) {
            String value = checked.get(variable.id());
            if (value != null) {
                stored.put(variable.id(), variable.secret() ? secrets.seal(value) : value);
            } else if (variable.secret() && sealedBefore.containsKey(variable.id()) && draft.leavesOut(variable.name())) {
                stored.put(variable.id(), sealedBefore.get(variable.id()));
            }
        }
        return stored;
    }

    /** The sealed secret values of an operator version, by variable id. */
    private Map<Long, String> sealedSecrets(Operators.Row row) {
        Map<Long, String> values = valueSets.byId(row.valueSetId()).values();
        Map<Long, String> sealed = new LinkedHashMap<>();
        variables.ofRole(row.roleId()).stream().filter(Variable::secret).filter(v -> values.containsKey(v.id()))
                .forEach(v -> sealed.put(v.id(), values.get(v.id())));
        return sealed;
    }

    /**
     * The secret values of operator version {@code id} in clear, by variable name: only for a run
     * about to hand them to Ansible, never for an answer.
     */
    @Transactional(readOnly = true)
    Map<String, String> openSecrets(long id) {
        Operators.Row row = row(id);
        Map<Long, String> sealed = sealedSecrets(row);
        Map<String, String> open = new LinkedHashMap<>();
        variables.ofRole(row.roleId()).stream().filter(v -> sealed.containsKey(v.id()))
                .forEach(v -> open.put(v.name(), secrets.open(sealed.get(v.id()), v.name())));
        return open;
    }

    /** The newest version of the lineage {@code version} belongs to. */
    private Operators.Row head(Operators.Row version) {
        List<Operators.Row> lineage = operators.lineage(version.originalOptId());
        return lineage.get(lineage.size() - 1);
    }

    private Operators.Row row(long id) {
        return operators.byId(id).orElseThrow(() -> new NotFoundException("Operator", id));
    }

    private Operator withValues(Operators.Row row) {
        var set = valueSets.byId(row.valueSetId());
        Map<String, JsonNode> values = new LinkedHashMap<>();
        List<String> secretsSet = new ArrayList<>();
        for (Variable variable : variables.ofRole(row.roleId())) {
            String value = set.values().get(variable.id());
            if (value != null && variable.secret()) {
                secretsSet.add(variable.name()); // write-only: named, never shown
            } else if (value != null) {
                values.put(variable.name(), variable.type().toJson(value));
            }
        }
        return new Operator(row.id(), row.name(), row.roleId(), row.roleName(), row.pkgVersion(), row.valueSetId(),
                set.version(), row.optVersion(), row.originalOptId(), row.latest(), row.deleted(), row.description(),
                values, List.copyOf(secretsSet), row.roleVersion(), row.roleHash(), row.createdAt(), row.createdBy());
    }
}
