package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    static TemplateStep.OperatorStep operator(int sequence, String role, Map<String, Object> values) {
        return new TemplateStep.OperatorStep(sequence, sequence, role, 1, role, new LinkedHashMap<>(values));
    }

    @Test
    void hasTheSeedsShapeWithVariablesScopedPerRole() {
        String yaml = PlaybookYaml.render(List.of(
                operator(1, "ins_driver_cuda", Map.of("local_cuda_driver_path", "/data/fileserver/pkg/cuda/cuda_12.3.1_545.23.08_linux.run")),
                operator(2, "collect_net_driver_info", Map.of())));
        assertThat(yaml).isEqualTo("""
                ---
                - hosts: all
                  gather_facts: true
                  roles:
                  - role: ins_driver_cuda
                    vars:
                      local_cuda_driver_path: /data/fileserver/pkg/cuda/cuda_12.3.1_545.23.08_linux.run
                  - role: collect_net_driver_info
                """);
    }

    @Test
    void twoOperatorsOfOneRoleKeepTheirOwnValues() {
        var play = parse(PlaybookYaml.render(List.of(operator(1, "r", Map.of("v", "a")), operator(2, "r", Map.of("v", "b")))));
        assertThat(play.get(0).get("roles").toString()).isEqualTo("[{role=r, vars={v=a}}, {role=r, vars={v=b}}]");
    }

    @Test
    void jinjaInAValueIsMarkedUnsafe() {
        String yaml = PlaybookYaml.render(List.of(operator(1, "r", Map.of("v", "{{ lookup('pipe', 'id') }}"))));
        assertThat(yaml).contains("v: !unsafe \"{{ lookup('pipe', 'id') }}\"");
        assertThat(parse(yaml).toString()).contains("Unsafe[text={{ lookup('pipe', 'id') }}]");
    }

    @Test
    void yamlLookalikesStayStringsAndTypedValuesStayTyped() {
        var vars = parse(PlaybookYaml.render(List.of(operator(1, "r", Map.of("a", "yes", "b", "0777", "c", "12.3",
                "d", 8L, "e", true, "f", "null")))));
        @SuppressWarnings("unchecked")
        var parsed = (Map<String, Object>) ((Map<String, Object>) ((List<?>) vars.get(0).get("roles")).get(0)).get("vars");
        assertThat(parsed).containsEntry("a", "yes").containsEntry("b", "0777").containsEntry("c", "12.3")
                .containsEntry("d", 8).containsEntry("e", true).containsEntry("f", "null");
    }
}
