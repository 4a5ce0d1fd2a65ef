package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devops.platform.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A role's files declare its variables: meta/argument_specs.yml first, else defaults/main.yml. */
class RoleInterfaceTests {

    private static final String SPEC = """
            ---
            argument_specs:
              main:
                short_description: Keeps the time
                options:
                  chrony_pools:
                    type: list
                    elements: dict
                    required: true
                    description:
                      - Pools to ask for the time.
                      - Each with its own options.
                    options:
                      host:
                        type: str
                        required: true
                      iburst:
                        type: bool
                      port:
                        type: int
                  chrony_limits:
                    type: dict
                    options:
                      maxdistance:
                        type: int
                      clients:
                        type: dict
                        options:
                          allow:
                            type: list
                            elements: str
                  chrony_mode:
                    type: str
                    choices: [server, client]
                    default: client
                  chrony_key:
                    type: str
                    no_log: true
                  chrony_port:
                    type: int
                    default: 123
                  chrony_keyfile:
                    type: path
                    default: /etc/chrony.keys
                  chrony_log:
                    type: bool
                    default: yes
                  chrony_spread:
                    type: float
                    default: 0.5
            """;

    @Test
    void anArgumentSpecDeclaresAListOfDictsWithItsOptionsAsAnItemSchema() {
        ProposedVariable pools = byName(RoleInterface.of(role("meta/argument_specs.yml", SPEC))).get("chrony_pools");

        assertThat(pools.type()).isEqualTo("list");
        assertThat(pools.required()).isTrue();
        assertThat(pools.description()).isEqualTo("Pools to ask for the time.\nEach with its own options.");
        assertThat(pools.schema()).isEqualTo(json("""
                {"type":"array","items":{"type":"object","properties":{"host":{"type":"string"},
                 "iburst":{"type":"boolean"},"port":{"type":"integer"}},"required":["host"]}}"""));
        assertThat(pools.source()).isEqualTo("meta/argument_specs.yml: argument_specs.main.options.chrony_pools");
    }

    @Test
    void aNestedDictBecomesAMapWithANestedSchema() {
        ProposedVariable limits = byName(RoleInterface.of(role("meta/argument_specs.yml", SPEC))).get("chrony_limits");

        assertThat(limits.type()).isEqualTo("map");
        assertThat(limits.required()).isFalse();
        assertThat(limits.schema()).isEqualTo(json("""
                {"type":"object","properties":{"maxdistance":{"type":"integer"},"clients":{"type":"object",
                 "properties":{"allow":{"type":"array","items":{"type":"string"}}}}}}"""));
    }

    @Test
    void choicesNoLogAndScalarTypesMapToTheCatalogsTypes() {
        Map<String, ProposedVariable> all = byName(RoleInterface.of(role("meta/argument_specs.yml", SPEC)));

        assertThat(all.get("chrony_mode").type()).isEqualTo("choice");
        assertThat(all.get("chrony_mode").choices()).containsExactly("server", "client");
        assertThat(all.get("chrony_mode").defaultValue().asString()).isEqualTo("client");
        assertThat(all.get("chrony_key").type()).isEqualTo("secret");
        assertThat(all.get("chrony_key").defaultValue()).isNull();
        assertThat(all.get("chrony_port").type()).isEqualTo("integer");
        assertThat(all.get("chrony_port").defaultValue().asLong()).isEqualTo(123);
        assertThat(all.get("chrony_keyfile").type()).isEqualTo("path");
        assertThat(all.get("chrony_log").type()).isEqualTo("boolean");
        assertThat(all.get("chrony_log").defaultValue().asBoolean()).isTrue();
        assertThat(all.get("chrony_spread").type()).as("float has no catalog type: a string").isEqualTo("string");
        assertThat(all.get("chrony_spread").defaultValue().asString()).isEqualTo("0.5");
        assertThat(all.keySet()).hasSize(8);
    }

    @Test
    void everyProposalIsAcceptedAsADeclaredVariable() {
        for (ProposedVariable proposal : RoleInterface.of(role("meta/argument_specs.yml", SPEC))) {
            assertThat(proposal.draft().toVariable(1).name()).isEqualTo(proposal.name());
        }
    }

    @Test
    void withoutAnArgumentSpecTheDefaultsAreInferredAndATemplateIsKeptAsWritten() {
        String defaults = """
                ---
                chrony_enabled: true
                chrony_minpoll: 6
                chrony_zone: Etc/UTC
                chrony_area: ''
                chrony_servers:
                  - "0{{ '.' + chrony_area if chrony_area else '' }}.pool.ntp.org iburst"
                  - "1.pool.ntp.org iburst"
                chrony_options: {makestep: "1.0 3"}
                chrony_driftfile: "{{ chrony_dir }}/drift"
                chrony_unset:
                """;

        Map<String, ProposedVariable> all = byName(RoleInterface.of(role("defaults/main.yml", defaults)));

        assertThat(types(all)).containsExactly(Map.entry("chrony_area", "string"), Map.entry("chrony_driftfile", "string"),
                Map.entry("chrony_enabled", "boolean"), Map.entry("chrony_minpoll", "integer"),
                Map.entry("chrony_options", "map"), Map.entry("chrony_servers", "list"),
                Map.entry("chrony_unset", "string"), Map.entry("chrony_zone", "string"));
        assertThat(all.get("chrony_driftfile").defaultValue().asString()).isEqualTo("{{ chrony_dir }}/drift");
        assertThat(all.get("chrony_servers").defaultValue().get(0).asString())
                .isEqualTo("0{{ '.' + chrony_area if chrony_area else '' }}.pool.ntp.org iburst");
        assertThat(all.get("chrony_unset").defaultValue()).isNull();
        assertThat(all.values()).allMatch(v -> !v.required());
    }

    @Test
    void anArgumentSpecWinsOverTheDefaultsAndASpecWithoutMainFallsBackToThem() {
        RoleContent both = content(Map.of("meta/argument_specs.yml", SPEC, "defaults/main.yml", "other: 1\n"));
        RoleContent noMain = content(Map.of("meta/argument_specs.yaml", "argument_specs:\n  other:\n    options: {}\n",
                "defaults/main.yml", "other: 1\n"));

        assertThat(byName(RoleInterface.of(both))).doesNotContainKey("other");
        assertThat(byName(RoleInterface.of(noMain)).keySet()).containsExactly("other");
        assertThat(RoleInterface.of(content(Map.of("tasks/main.yml", "- debug: {}\n")))).isEmpty();
    }

    @Test
    void aMalformedArgumentSpecNamesTheFileAndTheKeyOrLine() {
        String wrongType = "argument_specs:\n  main:\n    options:\n      x:\n        type: [str]\n";
        String badYaml = "argument_specs:\n  main:\n    options:\n      x: {type: str\n";

        assertThatThrownBy(() -> RoleInterface.of(role("meta/argument_specs.yml", wrongType)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("meta/argument_specs.yml: argument_specs.main.options.x.type must be a text");
        assertThatThrownBy(() -> RoleInterface.of(role("meta/argument_specs.yml", badYaml)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("meta/argument_specs.yml: the file is not valid YAML").hasMessageContaining("line");
    }

    @Test
    void anAliasBombIsRefusedNotExpanded() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char previous = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(previous).append(", *").append(previous)
                    .append(", *").append(previous).append(", *").append(previous).append("]\n");
        }

        assertThatThrownBy(() -> RoleInterface.of(role("defaults/main.yml", bomb.toString())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("defaults/main.yml");
    }

    @Test
    void aTagThatWouldBuildAnObjectIsRefused() {
        assertThatThrownBy(() -> RoleInterface.of(role("defaults/main.yml", "x: !!java.io.File [/tmp]\n")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid YAML");
    }

    private static Map<String, String> types(Map<String, ProposedVariable> all) {
        Map<String, String> types = new TreeMap<>();
        all.forEach((name, v) -> types.put(name, v.type()));
        return types;
    }

    private static Map<String, ProposedVariable> byName(List<ProposedVariable> proposed) {
        Map<String, ProposedVariable> all = new TreeMap<>();
        proposed.forEach(v -> all.put(v.name(), v));
        return all;
    }

    private static RoleContent role(String path, String text) {
        return content(Map.of("tasks/main.yml", "- debug: {}\n", path, text));
    }

    private static RoleContent content(Map<String, String> files) {
        List<RoleContent.Entry> entries = new ArrayList<>();
        files.forEach((path, text) -> entries.add(RoleContent.Entry.file(path, text.getBytes(StandardCharsets.UTF_8))));
        return new RoleContent(entries);
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
