package io.devops.platform.catalogsync;

import io.devops.platform.catalog.CatalogAsCode;
import io.devops.platform.catalog.CatalogSpec.Current;
import io.devops.platform.catalog.CatalogSpec.OperatorKey;
import io.devops.platform.catalog.CatalogSpec;
import io.devops.platform.catalogsync.CatalogTree.Item;
import io.devops.platform.health.HealthPoliciesAsCode;
import io.devops.platform.health.HealthPolicySpec;
import io.devops.platform.job.JobSpec;
import io.devops.platform.job.JobsAsCode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Compares a tree with the platform, item by item, without changing anything. An item the platform
 * lacks is CREATE; equal content is UNCHANGED; other content is NEW_VERSION, unless the platform
 * moved on since the tree's {@code exportedFromVersion} (CONFLICT: both sides changed). References
 * (an operator's role, a template's operators and scripts at a pinned version) must resolve in the
 * tree or the platform, else the referring item is a CONFLICT that names them.
 */
@Component
class ImportPlanner {

    private final CatalogAsCode catalog;
    private final JobsAsCode jobs;
    private final HealthPoliciesAsCode policies;

    ImportPlanner(CatalogAsCode catalog, JobsAsCode jobs, HealthPoliciesAsCode policies) {
        this.catalog = catalog;
        this.jobs = jobs;
        this.policies = policies;
    }

    List<PlanEntry> plan(CatalogTree tree) {
        List<PlanEntry> plan = new ArrayList<>();
        Map<String, Current<CatalogSpec.Role>> roles = byKey(catalog.roles(), CatalogSpec.Role::name);
        Map<OperatorKey, Current<CatalogSpec.Operator>> operators = byKey(catalog.operators(), CatalogSpec.Operator::key);
        Map<String, Current<CatalogSpec.Script>> scripts = byKey(catalog.scripts(), CatalogSpec.Script::name);
        Map<String, Current<CatalogSpec.Template>> templates = byKey(catalog.templates(), CatalogSpec.Template::name);

        tree.roles().forEach(item -> plan.add(role(item, roles.get(item.spec().name()))));
        var treeRoles = tree.roles().stream().map(i -> i.spec().name()).collect(Collectors.toSet());
        Map<Object, Integer> landing = new HashMap<>();
        Map<String, CatalogSpec.Script> scriptSpecs = new HashMap<>();
        scripts.forEach((name, current) -> scriptSpecs.put(name, current.spec()));
        tree.scripts().forEach(item -> scriptSpecs.put(item.spec().name(), item.spec()));
        for (Item<CatalogSpec.Script> item : tree.scripts()) {
            Current<CatalogSpec.Script> current = scripts.get(item.spec().name());
            PlanEntry entry = compare("script", item.spec().name(), item, current, List.of());
            plan.add(entry);
            landing.put(item.spec().name(), landingVersion(entry, current));
        }
        for (Item<CatalogSpec.Operator> item : tree.operators()) {
            OperatorKey key = item.spec().key();
            List<String> missing = treeRoles.contains(key.role()) || roles.containsKey(key.role()) ? List.of()
                    : List.of("role " + key.role());
            Current<CatalogSpec.Operator> current = operators.get(key);
            PlanEntry entry = compare("operator", key.toString(), item, current, missing);
            plan.add(entry);
            landing.put(key, landingVersion(entry, current));
        }
        Map<String, Integer> templateLanding = new HashMap<>();
        Set<String> brokenTemplates = new HashSet<>();
        for (Item<CatalogSpec.Template> item : tree.templates()) {
            List<String> missing = new ArrayList<>();
            List<CatalogSpec.Step> steps = item.spec().steps().stream()
                    .map(step -> withDefaults(pinned(step, landing, operators, scripts, missing), scriptSpecs)).toList();
            var resolved = new Item<>(item.path(), new CatalogSpec.Template(item.spec().name(), item.spec().description(),
                    steps), item.exportedFromVersion());
            Current<CatalogSpec.Template> current = templates.get(item.spec().name());
            PlanEntry entry = compare("template", item.spec().name(), resolved, current, missing);
            plan.add(entry);
            templateLanding.put(item.spec().name(), landingVersion(entry, current));
            if (entry.conflict()) {
                brokenTemplates.add(item.spec().name());
            }
        }
        if (!tree.jobs().isEmpty()) {
            Map<String, Current<JobSpec>> jobsNow = byKey(jobs.jobs(), JobSpec::name);
            for (Item<JobSpec> item : tree.jobs()) {
                plan.add(job(item, jobsNow.get(item.spec().name()), templateLanding, brokenTemplates, templates));
            }
        }
        if (!tree.policies().isEmpty()) {
            Map<String, Current<HealthPolicySpec>> policiesNow = byKey(policies.policies().stream()
                    .map(p -> new Current<>(p.spec(), p.version())).toList(), HealthPolicySpec::name);
            tree.policies().forEach(item -> plan.add(compare(HealthPolicyYaml.KIND, item.spec().name(), item,
                    policiesNow.get(item.spec().name()), List.of())));
        }
        return plan;
    }

    private PlanEntry job(Item<JobSpec> item, Current<JobSpec> current, Map<String, Integer> templateLanding,
                          Set<String> brokenTemplates, Map<String, Current<CatalogSpec.Template>> templates) {
        List<String> missing = new ArrayList<>(jobs.missingTargets(item.spec()).stream()
                .map(target -> target + ", which does not exist").toList());
        List<JobSpec.Item> items = new ArrayList<>();
        for (JobSpec.Item jobItem : item.spec().items()) {
            String name = jobItem.template();
            if (brokenTemplates.contains(name)) {
                missing.add("template " + name + ", which this import cannot bring (see its own CONFLICT)");
            }
            Integer newest = templateLanding.containsKey(name) ? templateLanding.get(name)
                    : templates.containsKey(name) ? templates.get(name).version() : null;
            if (newest == null) {
                missing.add("template " + name + ", which exists neither in the tree nor in the platform");
                items.add(jobItem);
                continue;
            }
            Integer version = jobItem.version() == null ? newest : jobItem.version();
            if (!version.equals(newest) && catalog.templateVersionId(name, version).isEmpty()) {
                missing.add("template " + name + " version " + version + ", which does not exist (newest: " + newest + ")");
            }
            items.add(new JobSpec.Item(name, version, jobItem.targets()));
        }
        JobSpec spec = item.spec();
        var resolved = new Item<>(item.path(), new JobSpec(spec.name(), spec.comments(), spec.failurePolicy(),
                spec.parameters(), items), item.exportedFromVersion());
        return compare("job", spec.name(), resolved, current, missing);
    }

    /** The step with its version filled in (the newest after the import when the tree names none); misses noted. */
    private CatalogSpec.Step pinned(CatalogSpec.Step step, Map<Object, Integer> landing,
                                    Map<OperatorKey, Current<CatalogSpec.Operator>> operators,
                                    Map<String, Current<CatalogSpec.Script>> scripts, List<String> missing) {
        boolean operator = step.type().equals(CatalogSpec.Step.OPERATOR);
        Object key = operator ? step.operator() : step.script();
        Current<?> current = operator ? operators.get(step.operator()) : scripts.get(step.script());
        Integer newest = landing.containsKey(key) ? landing.get(key) : current == null ? null : current.version();
        if (newest == null) {
            missing.add(step.target() + ", which exists neither in the tree nor in the platform");
            return step;
        }
        Integer version = step.version() == null ? newest : step.version();
        boolean exists = version.equals(newest) || (operator ? catalog.operatorVersionExists(step.operator(), version)
                : catalog.scriptVersionExists(step.script(), version));
        if (!exists) {
            missing.add(step.target() + " version " + version + ", which does not exist (newest: " + newest + ")");
        }
        return new CatalogSpec.Step(step.type(), step.operator(), step.script(), version, step.params(), step.dispatch());
    }

    /**
     * A script step as the platform stores it: the script's dispatch when the step names none, and
     * the defaults of parameters it leaves out (the tree's script when it has one, else the platform's).
     */
    private static CatalogSpec.Step withDefaults(CatalogSpec.Step step, Map<String, CatalogSpec.Script> scripts) {
        CatalogSpec.Script script = step.type().equals(CatalogSpec.Step.SCRIPT) ? scripts.get(step.script()) : null;
        if (script == null) {
            return step;
        }
        Map<String, String> params = new TreeMap<>(step.params());
        script.parameters().stream().filter(p -> p.defaultValue() != null)
                .forEach(p -> params.putIfAbsent(p.name(), p.defaultValue()));
        return new CatalogSpec.Step(step.type(), step.operator(), step.script(), step.version(), params,
                step.dispatch() == null ? script.dispatch() : step.dispatch());
    }

    private PlanEntry role(Item<CatalogSpec.Role> item, Current<CatalogSpec.Role> current) {
        String name = item.spec().name();
        if (current == null && catalog.roleNameTaken(name)) {
            return entry("role", name, item, null, PlanEntry.CONFLICT, "UNSUPPORTED_CHANGE",
                    "a deleted role keeps the name " + name + "; import cannot bring it back, choose another name");
        }
        if (current != null) {
            List<String> unsupported = new ArrayList<>();
            var treeVariables = item.spec().variables();
            for (CatalogSpec.RoleVariable had : current.spec().variables()) {
                if (!treeVariables.contains(had)) {
                    unsupported.add(had.name());
                }
            }
            if (!unsupported.isEmpty() && !changedInPlatform(item, current)) {
                return entry("role", name, item, current, PlanEntry.CONFLICT, "UNSUPPORTED_CHANGE",
                        "the tree changes or removes variable(s) " + unsupported + "; import only adds variables (values"
                                + " of operators depend on them): change them in the platform");
            }
        }
        // A role's description is set when it is created; import leaves an existing role's description as it is.
        var comparable = new Item<>(item.path(), current == null ? item.spec() : withDescription(item.spec(),
                current.spec().description()), item.exportedFromVersion());
        var sortedCurrent = current == null ? null : new Current<>(sortedVariables(current.spec()), current.version());
        var sortedTree = new Item<>(comparable.path(), sortedVariables(comparable.spec()), comparable.exportedFromVersion());
        return compare("role", name, sortedTree, sortedCurrent, List.of());
    }

    private <T> PlanEntry compare(String kind, String name, Item<T> item, Current<T> current, List<String> missing) {
        if (!missing.isEmpty()) {
            return entry(kind, name, item, current, PlanEntry.CONFLICT, "MISSING_REFERENCE",
                    "uses " + String.join("; ", missing));
        }
        if (current == null) {
            return entry(kind, name, item, null, PlanEntry.CREATE, null, "new " + kind);
        }
        if (current.spec().equals(item.spec())) {
            return entry(kind, name, item, current, PlanEntry.UNCHANGED, null, "the same as version " + current.version());
        }
        List<String> changed = differences(current.spec(), item.spec());
        if (changedInPlatform(item, current)) {
            return entry(kind, name, item, current, PlanEntry.CONFLICT, "CHANGED_IN_PLATFORM",
                    "changed in the platform since the export (version " + item.exportedFromVersion() + " then, "
                            + current.version() + " now) and the tree differs from it in " + changed
                            + "; export again and redo the change, or make it in the platform");
        }
        return entry(kind, name, item, current, PlanEntry.NEW_VERSION, null, "changes " + changed + " of version "
                + current.version());
    }

    private static boolean changedInPlatform(Item<?> item, Current<?> current) {
        return item.exportedFromVersion() != null && item.exportedFromVersion() != current.version();
    }

    private static Integer landingVersion(PlanEntry entry, Current<?> current) {
        return switch (entry.action()) {
            case PlanEntry.CREATE -> 1;
            case PlanEntry.NEW_VERSION -> current.version() + 1;
            default -> current == null ? null : current.version();
        };
    }

    private static PlanEntry entry(String kind, String name, Item<?> item, Current<?> current, String action,
                                   String problem, String detail) {
        return new PlanEntry(kind, name, action, detail, problem, item.path(), current == null ? null : current.version(),
                item.exportedFromVersion(), null);
    }

    /** The names of the record components that differ. */
    private static List<String> differences(Object before, Object after) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            try {
                if (!Objects.equals(component.getAccessor().invoke(before), component.getAccessor().invoke(after))) {
                    names.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }

    private static CatalogSpec.Role withDescription(CatalogSpec.Role role, String description) {
        return new CatalogSpec.Role(role.name(), description, role.variables(), role.reports(), role.files());
    }

    /** Variables compare as a set: import appends the new ones after the existing ones. */
    private static CatalogSpec.Role sortedVariables(CatalogSpec.Role role) {
        var sorted = role.variables().stream().sorted(Comparator.comparing(CatalogSpec.RoleVariable::name)).toList();
        return new CatalogSpec.Role(role.name(), role.description(), sorted, role.reports(), role.files());
    }

    private static <K, T> Map<K, Current<T>> byKey(List<Current<T>> items, Function<T, K> key) {
        Map<K, Current<T>> map = new HashMap<>();
        items.forEach(item -> map.putIfAbsent(key.apply(item.spec()), item));
        return map;
    }
}
