package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

class PlaybookYamlTests {

    /** Reads playbooks as Ansible does, with !unsafe strings marked so tests can see the tag. */
    static List<Map<String, Object>> parse(String yaml) {
        var constructor = new SafeConstructor(new LoaderOptions()) {
            {
                yamlConstructors.put(new Tag("!unsafe"), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        return new PlaybookYaml.Unsafe(((ScalarNode) node).getValue());
                    }
                });
            }
        };
        return new Yaml(constructor).load(yaml);
    }

    /** The operator entries of a generated play, in order, as {@code {role, vars}} maps. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> roleEntries(String yaml) {
        var tasks = (List<Map<String, Object>>) parse(yaml).get(0).get("pre_tasks");
        return tasks.stream().filter(task -> task.containsKey("include_role")).map(task -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("role", ((Map<String, Object>) task.get("include_role")).get("name"));
            if (task.containsKey("vars")) {
                entry.put("vars", task.get("vars"));
            }
            return entry;
        }).toList();
    }

    static TemplateStep.OperatorStep operator(int sequence, String role, Map<String, Object> values) {
        return new TemplateStep.OperatorStep(sequence, sequence, role, 1, role, new LinkedHashMap<>(values));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyStringInsideAListOrMapIsUnsafeIntegersStayIntegersAndASecretIsOnlyReferred() {
        Map<String, Object> vhost = new LinkedHashMap<>();
        vhost.put("name", "{{ lookup('pipe','id') }}");
        vhost.put("port", 8080L);
        vhost.put("tls", true);
        String yaml = PlaybookYaml.render(List.of(operator(3, "web", Map.of("vhosts", List.of(vhost),
                "token", new OperatorSecrets.Reference("token")))));

        Map<String, Object> vars = (Map<String, Object>) roleEntries(yaml).get(0).get("vars");

        Map<String, Object> parsed = ((List<Map<String, Object>>) vars.get("vhosts")).get(0);
        assertThat(parsed).containsEntry("name", new PlaybookYaml.Unsafe("{{ lookup('pipe','id') }}"))
                .containsEntry("port", 8080).containsEntry("tls", true);
        assertThat(vars).containsEntry("token", "{{ devops_secret_3_token }}");
    }

    @Test
    void includesEachOperatorsRoleWithItsValuesAndClosesThePlay() {
        String yaml = PlaybookYaml.render(List.of(
                operator(1, "ins_driver_cuda", Map.of("local_cuda_driver_path", "/data/fileserver/pkg/cuda/cuda_12.3.1_545.23.08_linux.run")),
                operator(2, "collect_net_driver_info", Map.of())));
        assertThat(yaml).isEqualTo("""
                ---
                - hosts: all
                  gather_facts: true
                  pre_tasks:
                  - name: '[platform] step 1: ins_driver_cuda (role ins_driver_cuda)'
                    include_role:
                      name: ins_driver_cuda
                    vars:
                      local_cuda_driver_path: /data/fileserver/pkg/cuda/cuda_12.3.1_545.23.08_linux.run
                  - name: '[platform] step 2: collect_net_driver_info (role collect_net_driver_info)'
                    include_role:
                      name: collect_net_driver_info
                  post_tasks:
                  - name: '[platform] run the notified handlers'
                    meta: flush_handlers
                  - name: '[platform] the step reached its end'
                    debug:
                      msg: reached the end of the step
                """);
    }

    @Test
    void twoOperatorsOfOneRoleKeepTheirOwnValues() {
        var play = parse(PlaybookYaml.render(List.of(operator(1, "r", Map.of("v", "a")), operator(2, "r", Map.of("v", "b")))));
        @SuppressWarnings("unchecked")
        var tasks = (List<Map<String, Object>>) play.get(0).get("pre_tasks");
        assertThat(tasks.subList(0, 2)).extracting(task -> task.get("include_role") + " " + task.get("vars"))
                .containsExactly("{name=r} {v=a}", "{name=r} {v=b}");
    }

    @Test
    void jinjaInAValueIsMarkedUnsafe() {
        String yaml = PlaybookYaml.render(List.of(operator(1, "r", Map.of("v", "{{ lookup('pipe', 'id') }}"))));
        assertThat(yaml).contains("v: !unsafe \"{{ lookup('pipe', 'id') }}\"");
        assertThat(parse(yaml).toString()).contains("Unsafe[text={{ lookup('pipe', 'id') }}]");
    }

    @Test
    void onlyAVariableDeclaredTemplatedReachesAnsibleAsATemplate() {
        var step = new TemplateStep.OperatorStep(1, 1, "r", 1, "r", null,
                new LinkedHashMap<>(Map.of("host", "{{ ansible_hostname }}", "other", "{{ ansible_hostname }}")), Set.of("host"));

        String yaml = PlaybookYaml.render(List.of(step));

        assertThat(yaml).contains("host: '{{ ansible_hostname }}'").contains("other: !unsafe \"{{ ansible_hostname }}\"");
    }

    @Test
    void yamlLookalikesStayStringsAndTypedValuesStayTyped() {
        var vars = parse(PlaybookYaml.render(List.of(operator(1, "r", Map.of("a", "yes", "b", "0777", "c", "12.3",
                "d", 8L, "e", true, "f", "null")))));
        @SuppressWarnings("unchecked")
        var parsed = (Map<String, Object>) ((Map<String, Object>) ((List<?>) vars.get(0).get("pre_tasks")).get(0)).get("vars");
        assertThat(parsed).containsEntry("a", "yes").containsEntry("b", "0777").containsEntry("c", "12.3")
                .containsEntry("d", 8).containsEntry("e", true).containsEntry("f", "null");
    }
}
