package io.devops.platform.catalog;

import io.devops.platform.ansible.PlayCompletion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes a playbook as data through SnakeYAML, never by gluing text. The shape is the seed's
 * {@code script_details} with each operator's values scoped to its own role entry, so that two
 * operators of one role with different values neither clash nor get merged into one run. Strings
 * that Jinja could read ({@code {{ }}, {% %}, {# #}}) are tagged {@code !unsafe}: Ansible then
 * passes them on as literal text; inside lists and maps every string is. A secret is never written
 * here: its variable refers to the extra variable that carries it at run time. SnakeYAML emits YAML 1.1, the dialect of Ansible's PyYAML, so
 * strings such as {@code yes} or {@code 0777} are quoted and stay strings.
 */
final class PlaybookYaml {

    /** A string value that must never be templated. */
    record Unsafe(String text) {
    }

    private static final Tag UNSAFE = new Tag("!unsafe");

    private PlaybookYaml() {
    }

    /**
     * One {@code include_role} task per operator, its values as that task's vars. A play's
     * {@code roles:} list would share values: with Ansible's default {@code private_role_vars=False}
     * an entry's values stay visible to the later entries of the same role (an install after a
     * check would still see the check's switches), and its duplicate rule runs two entries with
     * equal values once. Included roles keep their values to themselves and always run.
     */
    static String render(List<TemplateStep.OperatorStep> steps) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (TemplateStep.OperatorStep step : steps) {
            Map<String, Object> include = new LinkedHashMap<>();
            include.put("name", guarded("[platform] step " + step.sequence() + ": " + step.name() + " (role " + step.role() + ")"));
            include.put("include_role", Map.of("name", step.role()));
            if (!step.values().isEmpty()) {
                Map<String, Object> vars = new LinkedHashMap<>();
                step.values().forEach((name, value) -> vars.put(name, value instanceof OperatorSecrets.Reference secret
                        ? secret.jinja(step.sequence())
                        : step.templated().contains(name) ? value : guarded(value))); // templated: declared so by an ADMIN
                include.put("vars", vars);
            }
            tasks.add(include);
        }
        // pre_tasks and post_tasks, which Ansible runs like tasks: the console shows this playbook,
        // and what users compose are steps, never "tasks". Handlers are flushed after pre_tasks.
        Map<String, Object> play = new LinkedHashMap<>();
        play.put("hosts", "all");
        play.put("gather_facts", true);
        play.put("pre_tasks", tasks);
        play.put("post_tasks", PlayCompletion.closingTasks());
        return yaml().dump(List.of(play));
    }

    private static Object guarded(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return nested(value);
        }
        return value instanceof String text && text.contains("{") ? new Unsafe(text) : value;
    }

    /** Inside a list or map every string is {@code !unsafe}, keys that Jinja could read too. */
    private static Object nested(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> guarded = new LinkedHashMap<>();
            map.forEach((key, item) -> guarded.put(guarded(key), nested(item)));
            return guarded;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PlaybookYaml::nested).toList();
        }
        return value instanceof String text ? new Unsafe(text) : value;
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setExplicitStart(true);
        options.setAllowUnicode(true);
        options.setSplitLines(false);
        options.setIndent(2);
        return new Yaml(new PlaybookRepresenter(options), options);
    }

    /** Writes {@link Unsafe} as a double-quoted (so any character survives) {@code !unsafe} scalar. */
    private static final class PlaybookRepresenter extends Representer {

        PlaybookRepresenter(DumperOptions options) {
            super(options);
            representers.put(Unsafe.class, data -> representScalar(UNSAFE, ((Unsafe) data).text(),
                    DumperOptions.ScalarStyle.DOUBLE_QUOTED));
            // SnakeYAML would write text with non-printable characters as !!binary; escape it instead.
            Represent plain = representers.get(String.class);
            representers.put(String.class, data -> StreamReader.isPrintable((String) data) ? plain.representData(data)
                    : representScalar(Tag.STR, (String) data, DumperOptions.ScalarStyle.DOUBLE_QUOTED));
        }
    }
}
