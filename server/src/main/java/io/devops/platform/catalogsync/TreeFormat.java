package io.devops.platform.catalogsync;

import io.devops.platform.catalog.CatalogSpec.Current;
import io.devops.platform.catalog.CatalogSpec.OperatorKey;
import io.devops.platform.catalog.CatalogSpec;
import io.devops.platform.catalogsync.CatalogTree.Item;
import io.devops.platform.health.HealthPolicySpec;
import io.devops.platform.job.JobParameter;
import io.devops.platform.job.JobSpec;
import io.devops.platform.shared.Slug;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The tree's layout and its YAML documents (see docs/CATALOG-AS-CODE.md): {@code catalog.yaml},
 * {@code roles/<role>/role.yaml} with the role's files under {@code roles/<role>/files/},
 * {@code operators/<role>/<name>[@<pkgVersion>].yaml}, {@code scripts/<name>.yaml} and
 * {@code templates/<name>.yaml}, {@code jobs/<name>.yaml} and {@code health-policies/<name>.yaml}, file names being the {@link Slug} of the name. Keys are written in
 * a fixed order; ids and timestamps never appear, only names and pinned version numbers.
 */
final class TreeFormat {

    static final String FORMAT = "devops-catalog/v1";
    static final String INDEX = "catalog.yaml";
    private static final String ROLES = "roles/";
    private static final String FILES = "/files/";
    private static final String POLICIES = "health-policies/";

    private TreeFormat() {
    }

    // ---- writing

    static SortedMap<String, byte[]> write(Kinds kinds, List<Current<CatalogSpec.Role>> roles,
                                           List<Current<CatalogSpec.Operator>> operators,
                                           List<Current<CatalogSpec.Script>> scripts,
                                           List<Current<CatalogSpec.Template>> templates,
                                           List<Current<JobSpec>> jobs, List<Current<HealthPolicySpec>> policies) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("format", FORMAT);
        index.put("kinds", kinds.names());
        files.put(INDEX, YamlFiles.dump(index));
        roles.forEach(role -> writeRole(role, files));
        operators.forEach(op -> files.put(operatorPath(op.spec().key()), YamlFiles.dump(operator(op))));
        scripts.forEach(script -> files.put("scripts/" + Slug.of(script.spec().name()) + ".yaml",
                YamlFiles.dump(script(script))));
        templates.forEach(template -> files.put("templates/" + Slug.of(template.spec().name()) + ".yaml",
                YamlFiles.dump(template(template))));
        jobs.forEach(job -> files.put("jobs/" + Slug.of(job.spec().name()) + ".yaml", YamlFiles.dump(job(job))));
        policies.forEach(policy -> files.put(POLICIES + Slug.of(policy.spec().name()) + ".yaml",
                YamlFiles.dump(HealthPolicyYaml.write(head(HealthPolicyYaml.KIND, policy.spec().name(), null,
                        policy.version()), policy.spec()))));
        return files;
    }

    private static void writeRole(Current<CatalogSpec.Role> current, SortedMap<String, byte[]> files) {
        CatalogSpec.Role role = current.spec();
        Map<String, Object> doc = head("role", role.name(), role.description(), current.version());
        List<Object> variables = new ArrayList<>();
        for (CatalogSpec.RoleVariable v : role.variables()) {
            Map<String, Object> variable = new LinkedHashMap<>();
            variable.put("name", v.name());
            variable.put("actionType", v.actionType());
            variable.put("type", v.type());
            variable.put("required", v.required());
            putIfSet(variable, "default", v.defaultValue());
            if (!v.choices().isEmpty()) {
                variable.put("choices", v.choices());
            }
            putIfSet(variable, "description", v.description());
            putIfSet(variable, "schema", v.schema());
            if (v.templated()) {
                variable.put("templated", true); // written only when set: exports of other variables stay as they were
            }
            variables.add(variable);
        }
        doc.put("variables", variables);
        doc.put("reports", role.reports());
        if (!role.files().links().isEmpty()) {
            doc.put("links", new LinkedHashMap<>(role.files().links()));
        }
        String folder = ROLES + role.name();
        files.put(folder + "/role.yaml", YamlFiles.dump(doc));
        role.files().bodies().forEach((path, body) -> files.put(folder + FILES + path, body));
    }

    private static Map<String, Object> operator(Current<CatalogSpec.Operator> current) {
        CatalogSpec.Operator op = current.spec();
        Map<String, Object> doc = head("operator", op.key().name(), op.description(), current.version());
        doc.put("role", op.key().role());
        putIfSet(doc, "pkgVersion", op.key().pkgVersion().isEmpty() ? null : op.key().pkgVersion());
        doc.put("values", new LinkedHashMap<>(new TreeMap<>(op.values())));
        return doc;
    }

    private static Map<String, Object> script(Current<CatalogSpec.Script> current) {
        CatalogSpec.Script script = current.spec();
        Map<String, Object> doc = head("script", script.name(), script.description(), current.version());
        doc.put("dispatch", script.dispatch());
        putIfSet(doc, "runAs", script.runAs());
        List<Object> parameters = new ArrayList<>();
        for (CatalogSpec.ScriptParameter p : script.parameters()) {
            Map<String, Object> parameter = new LinkedHashMap<>();
            parameter.put("name", p.name());
            parameter.put("type", p.type());
            parameter.put("pattern", p.pattern());
            parameter.put("required", p.required());
            putIfSet(parameter, "default", p.defaultValue());
            putIfSet(parameter, "description", p.description());
            parameters.add(parameter);
        }
        doc.put("parameters", parameters);
        doc.put("reports", script.reports());
        doc.put("command", script.command());
        return doc;
    }

    private static Map<String, Object> template(Current<CatalogSpec.Template> current) {
        CatalogSpec.Template template = current.spec();
        Map<String, Object> doc = head("template", template.name(), template.description(), current.version());
        List<Object> steps = new ArrayList<>();
        for (CatalogSpec.Step s : template.steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            if (s.type().equals(CatalogSpec.Step.OPERATOR)) {
                step.put("operator", s.operator().name());
                step.put("role", s.operator().role());
                putIfSet(step, "pkgVersion", s.operator().pkgVersion().isEmpty() ? null : s.operator().pkgVersion());
                putIfSet(step, "version", s.version());
            } else {
                step.put("script", s.script());
                putIfSet(step, "version", s.version());
                putIfSet(step, "dispatch", s.dispatch());
                step.put("params", new LinkedHashMap<>(new TreeMap<>(s.params())));
            }
            steps.add(step);
        }
        doc.put("steps", steps);
        return doc;
    }

    private static Map<String, Object> job(Current<JobSpec> current) {
        JobSpec job = current.spec();
        Map<String, Object> doc = head("job", job.name(), null, current.version());
        putIfSet(doc, "comments", job.comments());
        doc.put("failurePolicy", job.failurePolicy());
        List<Object> parameters = new ArrayList<>();
        for (JobParameter p : job.parameters()) {
            Map<String, Object> parameter = new LinkedHashMap<>();
            parameter.put("name", p.name());
            parameter.put("type", p.type().name());
            parameter.put("required", p.required());
            putIfSet(parameter, "default", p.defaultValue());
            if (!p.choices().isEmpty()) {
                parameter.put("choices", p.choices());
            }
            putIfSet(parameter, "description", p.description());
            parameters.add(parameter);
        }
        doc.put("parameters", parameters);
        List<Object> items = new ArrayList<>();
        for (JobSpec.Item i : job.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("template", i.template());
            putIfSet(item, "version", i.version());
            item.put("targets", i.targets().stream().map(t -> Map.of(t.type(), String.valueOf(t.name()))).toList());
            items.add(item);
        }
        doc.put("items", items);
        return doc;
    }

    static Map<String, Object> head(String kind, String name, String description, int version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", kind);
        doc.put("name", name);
        putIfSet(doc, "description", description);
        doc.put("exportedFromVersion", version);
        return doc;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static String operatorPath(OperatorKey key) {
        return "operators/" + Slug.of(key.role()) + "/" + Slug.of(key.name())
                + (key.pkgVersion().isEmpty() ? "" : "@" + Slug.of(key.pkgVersion())) + ".yaml";
    }

    // ---- reading

    private static final Set<String> HEAD = Set.of("kind", "name", "description", "exportedFromVersion");

    static CatalogTree read(SortedMap<String, byte[]> files) {
        List<Item<CatalogSpec.Role>> roles = new ArrayList<>();
        List<Item<CatalogSpec.Operator>> operators = new ArrayList<>();
        List<Item<CatalogSpec.Script>> scripts = new ArrayList<>();
        List<Item<CatalogSpec.Template>> templates = new ArrayList<>();
        List<Item<JobSpec>> jobs = new ArrayList<>();
        List<Item<HealthPolicySpec>> policies = new ArrayList<>();
        Map<String, SortedMap<String, byte[]>> roleFiles = new TreeMap<>();
        for (var file : files.entrySet()) {
            String path = file.getKey();
            String[] parts = path.split("/");
            if (path.equals(INDEX)) {
                checkIndex(load(path, file.getValue(), null));
            } else if (parts[0].equals("roles") && parts.length == 3 && parts[2].equals("role.yaml")) {
                roles.add(role(load(path, file.getValue(), "role"), parts[1]));
            } else if (parts[0].equals("roles") && parts.length > 3 && parts[2].equals("files")) {
                roleFiles.computeIfAbsent(parts[1], r -> new TreeMap<>())
                        .put(path.substring((ROLES + parts[1] + FILES).length()), file.getValue());
            } else if (parts[0].equals("operators") && parts.length == 3 && path.endsWith(".yaml")) {
                operators.add(operator(load(path, file.getValue(), "operator")));
            } else if (parts[0].equals("scripts") && parts.length == 2 && path.endsWith(".yaml")) {
                scripts.add(script(load(path, file.getValue(), "script")));
            } else if (parts[0].equals("templates") && parts.length == 2 && path.endsWith(".yaml")) {
                templates.add(template(load(path, file.getValue(), "template")));
            } else if (parts[0].equals("jobs") && parts.length == 2 && path.endsWith(".yaml")) {
                jobs.add(job(load(path, file.getValue(), "job")));
            } else if (path.startsWith(POLICIES) && parts.length == 2 && path.endsWith(".yaml")) {
                YamlDocument doc = load(path, file.getValue(), HealthPolicyYaml.KIND);
                policies.add(new Item<>(path, HealthPolicyYaml.read(doc), doc.integer("exportedFromVersion", 0)));
            } else {
                throw TreeArchive.bad(path + ": is not part of a catalog tree (unknown kind or place); expected "
                        + INDEX + ", roles/<role>/role.yaml, roles/<role>/files/..., operators/<role>/<name>.yaml,"
                        + " scripts/<name>.yaml, templates/<name>.yaml, jobs/<name>.yaml or " + POLICIES + "<name>.yaml");
            }
        }
        List<Item<CatalogSpec.Role>> withFiles = new ArrayList<>();
        for (Item<CatalogSpec.Role> item : roles) {
            CatalogSpec.Role role = item.spec();
            var bodies = roleFiles.getOrDefault(role.name(), new TreeMap<>());
            roleFiles.remove(role.name());
            withFiles.add(new Item<>(item.path(), new CatalogSpec.Role(role.name(), role.description(), role.variables(),
                    role.reports(), new CatalogSpec.RoleFiles(bodies, role.files().links())), item.exportedFromVersion()));
        }
        if (!roleFiles.isEmpty()) {
            String role = roleFiles.keySet().iterator().next();
            throw TreeArchive.bad(ROLES + role + FILES + ": has files but no " + ROLES + role + "/role.yaml");
        }
        unique(withFiles, r -> r.name(), "role");
        unique(operators, CatalogSpec.Operator::key, "operator");
        unique(scripts, CatalogSpec.Script::name, "script");
        unique(templates, CatalogSpec.Template::name, "template");
        unique(jobs, JobSpec::name, "job");
        unique(policies, HealthPolicySpec::name, "health policy");
        return new CatalogTree(withFiles, operators, scripts, templates, jobs, policies);
    }

    private static <T> void unique(List<Item<T>> items, Function<T, Object> key, String kind) {
        Map<Object, String> seen = new HashMap<>();
        for (Item<T> item : items) {
            String other = seen.put(key.apply(item.spec()), item.path());
            if (other != null) {
                throw TreeArchive.bad(item.path() + ": names the same " + kind + " as " + other);
            }
        }
    }

    private static YamlDocument load(String path, byte[] bytes, String kind) {
        var doc = new YamlDocument(path, YamlFiles.load(path, bytes));
        if (kind != null && !kind.equals(doc.text("kind"))) {
            throw doc.problem("kind: must be " + kind + " in this folder, not " + doc.text("kind"));
        }
        return doc;
    }

    private static void checkIndex(YamlDocument doc) {
        doc.allowOnly(Set.of("format", "kinds"));
        if (!FORMAT.equals(doc.text("format"))) {
            throw doc.problem("format: must be " + FORMAT + ", not " + doc.text("format"));
        }
    }

    private static Item<CatalogSpec.Role> role(YamlDocument doc, String folder) {
        doc.allowOnly(with("variables", "reports", "links"));
        String name = doc.requiredText("name");
        if (!name.equals(folder)) {
            throw doc.problem("name: is " + name + ", but the folder is roles/" + folder + "; they must be the same");
        }
        List<CatalogSpec.RoleVariable> variables = doc.documents("variables").stream().map(v -> {
            v.allowOnly(Set.of("name", "actionType", "type", "required", "default", "choices", "description", "schema",
                    "templated"));
            return new CatalogSpec.RoleVariable(v.requiredText("name"), v.text("actionType"), v.text("type"),
                    v.bool("required", false), v.text("default"), v.texts("choices"), v.text("description"),
                    v.text("schema"), v.bool("templated", false));
        }).toList();
        var links = new TreeMap<>(doc.textMap("links"));
        links.forEach((path, target) -> checkLink(doc, path, target));
        var role = new CatalogSpec.Role(name, doc.text("description"), variables, doc.texts("reports"),
                new CatalogSpec.RoleFiles(new TreeMap<>(), links));
        return new Item<>(doc.path(), role, doc.integer("exportedFromVersion", 0));
    }

    /** A link must stay inside its role: relative, and no '..'. */
    private static void checkLink(YamlDocument doc, String path, String target) {
        if (target.isEmpty() || target.startsWith("/") || ("/" + target + "/").contains("/../")
                || path.startsWith("/") || ("/" + path + "/").contains("/../")) {
            throw doc.problem("links." + path + ": links must be relative and must not use '..'");
        }
    }

    private static Item<CatalogSpec.Operator> operator(YamlDocument doc) {
        doc.allowOnly(with("role", "pkgVersion", "values"));
        String pkg = doc.text("pkgVersion");
        var key = new OperatorKey(doc.requiredText("role"), doc.requiredText("name"), pkg == null ? "" : pkg);
        return new Item<>(doc.path(), new CatalogSpec.Operator(key, doc.text("description"), doc.textMap("values")),
                doc.integer("exportedFromVersion", 0));
    }

    private static Item<CatalogSpec.Script> script(YamlDocument doc) {
        doc.allowOnly(with("dispatch", "runAs", "parameters", "reports", "command"));
        List<CatalogSpec.ScriptParameter> parameters = doc.documents("parameters").stream().map(p -> {
            p.allowOnly(Set.of("name", "type", "pattern", "required", "default", "description"));
            return new CatalogSpec.ScriptParameter(p.requiredText("name"), p.text("type"), p.text("pattern"),
                    p.bool("required", true), p.text("default"), p.text("description"));
        }).toList();
        var script = new CatalogSpec.Script(doc.requiredText("name"), doc.text("description"), doc.requiredText("command"),
                doc.text("dispatch"), doc.text("runAs"), parameters, doc.texts("reports"));
        return new Item<>(doc.path(), script, doc.integer("exportedFromVersion", 0));
    }

    private static Item<CatalogSpec.Template> template(YamlDocument doc) {
        doc.allowOnly(with("steps"));
        List<CatalogSpec.Step> steps = doc.documents("steps").stream().map(TreeFormat::step).toList();
        return new Item<>(doc.path(), new CatalogSpec.Template(doc.requiredText("name"), doc.text("description"), steps),
                doc.integer("exportedFromVersion", 0));
    }

    private static Item<JobSpec> job(YamlDocument doc) {
        doc.allowOnly(Set.of("kind", "name", "exportedFromVersion", "comments", "failurePolicy", "parameters", "items"));
        List<JobParameter> parameters = doc.documents("parameters").stream().map(p -> {
            p.allowOnly(Set.of("name", "type", "required", "default", "choices", "description"));
            JobParameter.Type type;
            try {
                type = JobParameter.Type.valueOf(p.requiredText("type").trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw p.problem("type: must be STRING, INT, BOOL or CHOICE");
            }
            return new JobParameter(p.requiredText("name"), type, p.bool("required", false), p.scalar("default"),
                    p.texts("choices"), p.text("description"));
        }).toList();
        List<JobSpec.Item> items = doc.documents("items").stream().map(i -> {
            i.allowOnly(Set.of("template", "version", "targets"));
            List<JobSpec.Target> targets = i.documents("targets").stream().map(t -> {
                t.allowOnly(Set.of(JobSpec.Target.NODE, JobSpec.Target.POOL));
                if (t.values().size() != 1) {
                    throw t.problem("a target is one 'node: <address>' or one 'pool: <name>'");
                }
                String type = t.values().keySet().iterator().next();
                return new JobSpec.Target(type, t.requiredText(type));
            }).toList();
            return new JobSpec.Item(i.requiredText("template"), i.integer("version"), targets);
        }).toList();
        var job = new JobSpec(doc.requiredText("name"), doc.text("comments"), doc.text("failurePolicy"), parameters, items);
        return new Item<>(doc.path(), job, doc.integer("exportedFromVersion", 0));
    }

    private static CatalogSpec.Step step(YamlDocument s) {
        if (s.values().containsKey("operator")) {
            s.allowOnly(Set.of("operator", "role", "pkgVersion", "version"));
            String pkg = s.text("pkgVersion");
            return new CatalogSpec.Step(CatalogSpec.Step.OPERATOR, new OperatorKey(s.requiredText("role"),
                    s.requiredText("operator"), pkg == null ? "" : pkg), null, s.integer("version"), Map.of(), null);
        }
        if (s.values().containsKey("script")) {
            s.allowOnly(Set.of("script", "version", "dispatch", "params"));
            return new CatalogSpec.Step(CatalogSpec.Step.SCRIPT, null, s.requiredText("script"), s.integer("version"),
                    s.textMap("params"), s.text("dispatch"));
        }
        throw s.problem("a step names either an operator (operator, role) or a script (script)");
    }

    static Set<String> with(String... keys) {
        var all = new HashSet<>(HEAD);
        all.addAll(List.of(keys));
        return all;
    }
}
