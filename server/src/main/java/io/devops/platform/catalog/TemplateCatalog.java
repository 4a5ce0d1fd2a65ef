package io.devops.platform.catalog;

import io.devops.platform.collections.CollectionFiles;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.DisplayName;
import io.devops.platform.shared.NotFoundException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Templates: each save checks the steps, compiles them and stores the version with its tasks in
 * one transaction, so that every stored version has exactly the plan it was saved with.
 */
@Service
@Transactional
class TemplateCatalog implements TemplatePlans {

    /** Template names were up to 128 characters before the shared 64-character rule: those stay editable. */
    private static final int MAX_NAME_LENGTH = 128;

    private final Templates templates;
    private final CompiledTasks tasks;
    private final StepResolver resolver;
    private final OperatorCatalog operators;
    private final Shells shells;
    private final RoleFileCache roleFiles;
    private final RoleNeeds needs;
    private final CollectionFiles collectionFiles;
    private final AuditTrail audit;
    private final Clock clock;

    TemplateCatalog(Templates templates, CompiledTasks tasks, StepResolver resolver, OperatorCatalog operators,
                    Shells shells, RoleFileCache roleFiles, AuditTrail audit, Clock clock, RoleNeeds needs,
                    CollectionFiles collectionFiles) {
        this.needs = needs;
        this.collectionFiles = collectionFiles;
        this.templates = templates;
        this.tasks = tasks;
        this.resolver = resolver;
        this.operators = operators;
        this.shells = shells;
        this.roleFiles = roleFiles;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    TemplateView get(long id) {
        return view(row(id));
    }

    @Transactional(readOnly = true)
    TemplateView view(Templates.Row row) {
        List<TemplateView.Step> steps = templates.steps(row.id()).stream().map(this::stepView).toList();
        return new TemplateView(row.id(), row.name(), row.description(), row.version(), row.originalTemplateId(),
                row.latest(), row.deleted(), steps, row.createdAt(), row.createdBy());
    }

    TemplateView create(TemplateDraft draft) {
        String name = checkedName(draft, -1);
        long id = save(draft, name, null, 1);
        TemplateView created = get(id);
        audit.record("template.created", "template", id, "Created template " + name, null, created);
        return created;
    }

    TemplateView update(long id, TemplateDraft draft, BasedOn basedOn) {
        Templates.Row current = row(id);
        long lineage = current.originalTemplateId();
        basedOn.check("Template " + current.name(), templates.nextVersion(lineage) - 1);
        String name = checkedName(draft, lineage);
        StepResolver.Resolved resolved = resolver.resolve(draft.steps());
        if (!templates.retireHead(lineage)) {
            throw new ConflictException("Template " + current.name() + " was deleted or changed meanwhile; reload it");
        }
        long newId = store(draft, name, lineage, templates.nextVersion(lineage), resolved);
        TemplateView updated = get(newId);
        audit.record("template.updated", "template", newId, "Template " + name + " is now version " + updated.version(),
                view(current), updated);
        return updated;
    }

    /** Soft: every version stays readable (and its plan runnable) for the runs that refer to it. */
    void delete(long id, BasedOn basedOn) {
        Templates.Row current = row(id);
        basedOn.check("Template " + current.name(), templates.nextVersion(current.originalTemplateId()) - 1);
        templates.softDeleteLineage(current.originalTemplateId(), clock.instant(), CurrentActor.name());
        audit.record("template.deleted", "template", current.originalTemplateId(), "Deleted template " + current.name()
                + " (all versions stay readable)", view(current), null);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TemplatePlan> plan(long templateVersionId) {
        return templates.byId(templateVersionId).map(row -> {
            List<PlannedStep> steps = get(row.id()).steps().stream()
                    .map(s -> new PlannedStep(s.sequence(), s.type(), s.type().equals("operator") ? s.operatorId()
                            : s.shellId(), s.name(), s.refVersion()))
                    .toList();
            return new TemplatePlan(row.id(), row.originalTemplateId(), row.version(), row.name(),
                    tasks.plan(row.id(), steps));
        });
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TemplatePlan> latestPlan(long templateId) {
        return templates.byId(templateId).flatMap(row -> templates.head(row.originalTemplateId()))
                .flatMap(head -> plan(head.id()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Path> rolesPaths(List<PlannedStep> steps) {
        List<Path> own = steps.stream().filter(step -> step.type().equals("operator")).map(PlannedStep::refId).distinct()
                .map(roleFiles::materialisePinnedBy).flatMap(Optional::stream).toList();
        // Then the roles they depend on, at the versions their role versions pinned.
        List<Path> dependencies = pinnedClosure(steps).stream()
                .map(role -> roleFiles.materialise(role.hash(), role.roleName())).toList();
        return java.util.stream.Stream.concat(own.stream(), dependencies.stream()).distinct().toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> collectionsPath(List<PlannedStep> steps) {
        var collections = needs.collectionsOf(pinnedClosure(steps));
        return collections.isEmpty() ? Optional.empty() : Optional.of(collectionFiles.collectionsPath(collections.values()));
    }

    /** The role versions the steps' operator versions pinned and all they depend on, each once. */
    private List<RoleNeeds.PinnedRole> pinnedClosure(List<PlannedStep> steps) {
        return steps.stream().filter(step -> step.type().equals("operator")).map(PlannedStep::refId).distinct()
                .map(needs::pinnedBy).flatMap(Optional::stream).flatMap(role -> needs.closure(role).stream())
                .distinct().toList();
    }

    @Override
    public Map<String, String> secretVariables(List<PlannedStep> steps) {
        Map<String, String> variables = new LinkedHashMap<>();
        steps.stream().filter(step -> step.type().equals("operator")).forEach(step -> operators.openSecrets(step.refId())
                .forEach((name, value) -> variables.put(OperatorSecrets.variable(step.sequence(), name), value)));
        return variables;
    }

    private long save(TemplateDraft draft, String name, Long lineage, int version) {
        return store(draft, name, lineage, version, resolver.resolve(draft.steps()));
    }

    private long store(TemplateDraft draft, String name, Long lineage, int version, StepResolver.Resolved resolved) {
        Instant now = clock.instant();
        long id = templates.insert(name, draft.description(), lineage, version, now, CurrentActor.name());
        resolved.rows().forEach(step -> templates.insertStep(id, step));
        tasks.store(id, TemplateCompiler.compile(resolved.steps()), now, CurrentActor.name());
        return id;
    }

    private String checkedName(TemplateDraft draft, long lineage) {
        String name = DisplayName.check("name", draft.name(), MAX_NAME_LENGTH);
        if (templates.nameTaken(name, lineage)) {
            throw DisplayName.duplicate("template", name, "edit it to make a new version");
        }
        return name;
    }

    private TemplateView.Step stepView(Templates.StepRow step) {
        if (step.type().equals("operator")) {
            Operator operator = operators.get(step.refId());
            return new TemplateView.Step(step.sequence(), "operator", operator.id(), null, operator.name(),
                    operator.optVersion(), step.dispatch(), null);
        }
        ShellScript shell = shells.byId(step.refId()).orElseThrow();
        return new TemplateView.Step(step.sequence(), "script", null, shell.id(), shell.name(), shell.version(),
                step.dispatch(), step.params());
    }

    private Templates.Row row(long id) {
        return templates.byId(id).orElseThrow(() -> new NotFoundException("Template", id));
    }
}
