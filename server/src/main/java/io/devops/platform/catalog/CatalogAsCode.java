package io.devops.platform.catalog;

import io.devops.platform.catalog.CatalogSpec.Current;
import io.devops.platform.catalog.CatalogSpec.OperatorKey;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.shared.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The catalog by name, for catalog as code: reads the live heads of roles, operators, scripts and
 * templates as {@link CatalogSpec}s and saves a spec as a new version (or a new item) through the
 * same services the API uses, so every check, version rule and audit record applies.
 */
@Service
@Transactional
public class CatalogAsCode {

    private final CatalogHeads heads;
    private final Roles roles;
    private final RoleVersions roleVersions;
    private final Variables variables;
    private final RoleReports reports;
    private final RoleCatalog roleCatalog;
    private final OperatorCatalog operatorCatalog;
    private final Operators operators;
    private final Shells shells;
    private final ShellCatalog shellCatalog;
    private final TemplateCatalog templateCatalog;
    private final Clock clock;

    CatalogAsCode(CatalogHeads heads, Roles roles, RoleVersions roleVersions, Variables variables, RoleReports reports,
                  RoleCatalog roleCatalog, OperatorCatalog operatorCatalog, Operators operators, Shells shells,
                  ShellCatalog shellCatalog, TemplateCatalog templateCatalog, Clock clock) {
        this.heads = heads;
        this.roles = roles;
        this.roleVersions = roleVersions;
        this.variables = variables;
        this.reports = reports;
        this.roleCatalog = roleCatalog;
        this.operatorCatalog = operatorCatalog;
        this.operators = operators;
        this.shells = shells;
        this.shellCatalog = shellCatalog;
        this.templateCatalog = templateCatalog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Current<CatalogSpec.Role>> roles() {
        return heads.liveRoles().stream().map(id -> roleCatalog.role(id)).map(role -> new Current<>(roleSpec(role),
                role.revision())).toList();
    }

    @Transactional(readOnly = true)
    public List<Current<CatalogSpec.Operator>> operators() {
        return heads.liveOperators().stream().map(operatorCatalog::get)
                .map(op -> new Current<>(new CatalogSpec.Operator(key(op), op.description(), texts(op.values())),
                        op.optVersion()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<Current<CatalogSpec.Script>> scripts() {
        return heads.liveShells().stream().map(shellCatalog::get)
                .map(shell -> new Current<>(scriptSpec(shell), shell.version())).toList();
    }

    @Transactional(readOnly = true)
    public List<Current<CatalogSpec.Template>> templates() {
        return heads.liveTemplates().stream().map(templateCatalog::get)
                .map(view -> new Current<>(new CatalogSpec.Template(view.name(), view.description(),
                        view.steps().stream().map(this::stepSpec).toList()), view.version()))
                .toList();
    }

    /** Whether a role of that name exists, deleted or not (a deleted one keeps its name). */
    @Transactional(readOnly = true)
    public boolean roleNameTaken(String name) {
        return roles.byName(name).isPresent();
    }

    @Transactional(readOnly = true)
    public boolean operatorVersionExists(OperatorKey key, Integer version) {
        return heads.operatorVersion(key, version).isPresent();
    }

    @Transactional(readOnly = true)
    public boolean scriptVersionExists(String name, Integer version) {
        return heads.shellVersion(name, version).isPresent();
    }

    /** The id of version {@code version} (null: the newest) of the live template named {@code name}. */
    @Transactional(readOnly = true)
    public Optional<Long> templateVersionId(String name, Integer version) {
        return heads.templateVersion(name, version);
    }

    /** The name of the live head of the template lineage that version {@code templateVersionId} belongs to. */
    @Transactional(readOnly = true)
    public Optional<String> templateLineageName(long templateVersionId) {
        return templateCatalog.latestPlan(templateVersionId).map(TemplatePlan::name);
    }

    /**
     * Creates the role or brings it to {@code desired}: variables it lacks are added, reports
     * replaced, files stored as a new version when they differ. Existing variables are never
     * changed or removed here (the caller refuses such a change beforehand).
     */
    /** @return the role's revision afterwards */
    public int saveRole(CatalogSpec.Role desired) {
        CatalogRole role = roles.byName(desired.name()).orElseGet(() ->
                roleCatalog.create(desired.name(), desired.description(), CatalogRole.CREATED));
        roles.lock(role.id());
        List<String> have = variables.ofRole(role.id()).stream().map(Variable::name).toList();
        for (CatalogSpec.RoleVariable variable : desired.variables()) {
            if (!have.contains(variable.name())) {
                roleCatalog.addVariable(role.id(), variableDraft(variable).toVariable(role.id()), BasedOn.ANY);
            }
        }
        if (!reports.ofRole(role.id()).equals(desired.reports())) {
            roleCatalog.setReports(role.id(), desired.reports(), BasedOn.ANY);
        }
        String headHash = roleVersions.head(role.id()).map(RoleVersion::hash).orElse(null);
        if (!desired.files().hash().equals(headHash) && !(headHash == null && desired.files().bodies().isEmpty()
                && desired.files().links().isEmpty())) {
            roleCatalog.addVersion(roleCatalog.role(role.id()), content(desired.files()), CatalogRole.UPLOADED);
            roles.touch(role.id(), CatalogRole.UPLOADED, clock.instant(), CurrentActor.name());
        }
        return roleCatalog.role(role.id()).revision();
    }

    /** @return the version saved */
    public int saveOperator(CatalogSpec.Operator desired) {
        OperatorKey key = desired.key();
        CatalogRole role = roles.byName(key.role()).filter(r -> !r.deleted()).orElseThrow(() ->
                new InvalidInputException("role", "operator " + key + " needs role " + key.role() + ", which does not exist"));
        Map<String, JsonNode> values = new LinkedHashMap<>();
        List<Variable> declared = variables.ofRole(role.id());
        desired.values().forEach((name, text) -> values.put(name, declared.stream().filter(v -> v.name().equals(name))
                .findFirst().map(v -> typed(v.type(), text)).orElse(JsonNodeFactory.instance.stringNode(text))));
        var draft = new OperatorDraft(role.id(), key.pkgVersion(), key.name(), desired.description(), values);
        Optional<Long> head = heads.operatorVersion(key, null);
        return (head.isPresent() ? operatorCatalog.update(head.get(), draft, BasedOn.ANY) : operatorCatalog.create(draft))
                .optVersion();
    }

    /** @return the version saved */
    public int saveScript(CatalogSpec.Script desired) {
        var draft = new ShellDraft(desired.name(), desired.description(), desired.command(),
                desired.parameters().stream().map(p -> new ShellDraft.ParameterDraft(p.name(), p.type(), p.pattern(),
                        p.required(), p.defaultValue(), p.description())).toList(),
                desired.reports(), desired.dispatch(), desired.runAs());
        Optional<Long> head = heads.shellVersion(desired.name(), null);
        return (head.isPresent() ? shellCatalog.update(head.get(), draft, BasedOn.ANY) : shellCatalog.create(draft)).version();
    }

    /** Steps name operators and scripts with a pinned version (null: the newest, as it is now); returns the version saved. */
    public int saveTemplate(CatalogSpec.Template desired) {
        List<TemplateDraft.StepDraft> steps = new ArrayList<>();
        for (CatalogSpec.Step step : desired.steps()) {
            if (step.type().equals(CatalogSpec.Step.OPERATOR)) {
                steps.add(new TemplateDraft.StepDraft("operator", heads.operatorVersion(step.operator(), step.version())
                        .orElseThrow(() -> missing(desired, step)), null, null, null));
            } else {
                steps.add(new TemplateDraft.StepDraft("script", null, heads.shellVersion(step.script(), step.version())
                        .orElseThrow(() -> missing(desired, step)), step.params(), step.dispatch()));
            }
        }
        var draft = new TemplateDraft(desired.name(), desired.description(), steps);
        Optional<Long> head = heads.templateVersion(desired.name(), null);
        return (head.isPresent() ? templateCatalog.update(head.get(), draft, BasedOn.ANY) : templateCatalog.create(draft))
                .version();
    }

    private static InvalidInputException missing(CatalogSpec.Template template, CatalogSpec.Step step) {
        return new InvalidInputException("steps", "template " + template.name() + " uses " + step.target()
                + (step.version() == null ? "" : " version " + step.version()) + ", which does not exist");
    }

    private CatalogSpec.Role roleSpec(CatalogRole role) {
        RoleContent content = roleVersions.head(role.id()).flatMap(head -> roleVersions.content(head.hash()))
                .orElse(new RoleContent(List.of()));
        var bodies = new TreeMap<String, byte[]>();
        var links = new TreeMap<String, String>();
        for (RoleContent.Entry entry : content.entries()) {
            if (entry.kind() == RoleContent.Kind.LINK) {
                links.put(entry.path(), entry.linkTarget());
            } else {
                bodies.put(entry.path(), entry.body());
            }
        }
        List<CatalogSpec.RoleVariable> vars = variables.ofRole(role.id()).stream()
                .map(v -> new CatalogSpec.RoleVariable(v.name(), v.actionType(), v.type().apiName(), v.required(),
                        v.defaultValue(), v.choices(), v.description(), v.schema() == null ? null : v.schema().toString(),
                        v.templated()))
                .toList();
        return new CatalogSpec.Role(role.name(), role.description(), vars, reports.ofRole(role.id()),
                new CatalogSpec.RoleFiles(bodies, links));
    }

    private static CatalogSpec.Script scriptSpec(ShellScript shell) {
        return new CatalogSpec.Script(shell.name(), shell.description(), shell.command(), shell.dispatch().apiName(),
                shell.runAs(), shell.parameters().stream().map(p -> new CatalogSpec.ScriptParameter(p.name(),
                        p.type().apiName(), p.pattern(), p.required(), p.defaultValue(), p.description())).toList(),
                shell.reports());
    }

    /** A step names the lineage by its head's name (what import looks up) and the version it pinned. */
    private CatalogSpec.Step stepSpec(TemplateView.Step step) {
        if (step.type().equals("operator")) {
            Operator pinned = operatorCatalog.get(step.operatorId());
            List<Operators.Row> lineage = operators.lineage(pinned.originalOptId());
            Operators.Row head = lineage.get(lineage.size() - 1);
            return new CatalogSpec.Step(CatalogSpec.Step.OPERATOR,
                    new OperatorKey(head.roleName(), head.name(), head.pkgVersion()), null, pinned.optVersion(),
                    Map.of(), null);
        }
        ShellScript pinned = shells.byId(step.shellId()).orElseThrow();
        List<ShellScript> lineage = shells.lineage(pinned.originalShellId());
        return new CatalogSpec.Step(CatalogSpec.Step.SCRIPT, null, lineage.get(lineage.size() - 1).name(),
                pinned.version(), step.params() == null ? Map.of() : new TreeMap<>(step.params()),
                step.dispatch() == null ? null : step.dispatch().apiName());
    }

    private static OperatorKey key(Operator op) {
        return new OperatorKey(op.roleName(), op.name(), op.pkgVersion() == null ? "" : op.pkgVersion());
    }

    private static Map<String, String> texts(Map<String, JsonNode> values) {
        Map<String, String> texts = new TreeMap<>();
        // A list or map is its canonical compact JSON: asString() of a container is empty, which would
        // export every structured value as "" (and re-import it as a change). Secrets are never in values.
        values.forEach((name, value) -> texts.put(name, value.isValueNode() ? value.asString() : value.toString()));
        return texts;
    }

    private static JsonNode typed(VariableType type, String text) {
        try {
            return type.structured() ? jsonOrText(text) : type.toJson(type.normalize(text, List.of()));
        } catch (IllegalArgumentException e) {
            return JsonNodeFactory.instance.stringNode(text); // the operator's own check names the problem
        }
    }

    private static VariableDraft variableDraft(CatalogSpec.RoleVariable variable) {
        JsonNode defaultValue = null;
        if (variable.defaultValue() != null) {
            try {
                defaultValue = typed(VariableType.parse(variable.type()), variable.defaultValue());
            } catch (IllegalArgumentException e) {
                defaultValue = JsonNodeFactory.instance.stringNode(variable.defaultValue());
            }
        }
        return new VariableDraft(variable.name(), variable.actionType(), variable.type(), variable.required(),
                defaultValue, variable.choices(), variable.description(),
                variable.schema() == null ? null : jsonOrText(variable.schema()), variable.templated());
    }

    /** JSON text as data; text that is not JSON reaches the catalog's own checks as text, which name the problem. */
    private static JsonNode jsonOrText(String text) {
        try {
            return JsonMapper.shared().readTree(text);
        } catch (JacksonException e) {
            return JsonNodeFactory.instance.stringNode(text);
        }
    }

    private static RoleContent content(CatalogSpec.RoleFiles files) {
        List<RoleContent.Entry> entries = new ArrayList<>();
        files.bodies().forEach((path, body) -> entries.add(RoleContent.Entry.file(path, body)));
        files.links().forEach((path, target) -> entries.add(RoleContent.Entry.link(path, target)));
        return new RoleContent(entries);
    }
}
