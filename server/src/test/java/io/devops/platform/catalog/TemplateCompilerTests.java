package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateCompilerTests {

    private static TemplateStep op(int sequence) {
        return PlaybookYamlTests.operator(sequence, "role" + sequence, Map.of());
    }

    private static TemplateStep script(int sequence) {
        return new TemplateStep.ScriptStep(sequence, sequence, "s" + sequence, 1, Dispatch.AGENT, "true", List.of(), null);
    }

    @Test
    void consecutiveOperatorsShareOnePlaybook() {
        var tasks = TemplateCompiler.compile(List.of(op(1), op(2), op(3)));
        assertThat(tasks).hasSize(1);
        assertThat(((TemplateCompiler.PlaybookTask) tasks.get(0)).playbook()).contains("role1", "role2", "role3");
    }

    @Test
    void everyScriptIsItsOwnTaskAndSplitsOperatorRuns() {
        var tasks = TemplateCompiler.compile(List.of(script(1), op(2), script(3), script(4), op(5), op(6)));
        assertThat(tasks).extracting(t -> t.getClass().getSimpleName())
                .containsExactly("ShellTask", "PlaybookTask", "ShellTask", "ShellTask", "PlaybookTask");
        assertThat(tasks.get(4).steps()).extracting(TemplateStep::sequence).containsExactly(5, 6);
    }

    @Test
    void twoVersionsOfOneRolesFilesNeverShareAPlaybook() {
        var tasks = TemplateCompiler.compile(List.of(pinned(1, "a", "h1"), pinned(2, "b", "h2"), pinned(3, "a", "h1"),
                pinned(4, "a", "h9"), pinned(5, "b", "h2")));

        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(0).steps()).extracting(TemplateStep::sequence).containsExactly(1, 2, 3);
        assertThat(tasks.get(1).steps()).extracting(TemplateStep::sequence).containsExactly(4, 5);
    }

    private static TemplateStep pinned(int sequence, String role, String hash) {
        return new TemplateStep.OperatorStep(sequence, sequence, role + sequence, 1, role, hash, java.util.Map.of());
    }

    @Test
    void rolesKeepStepOrderInThePlaybook() {
        String playbook = ((TemplateCompiler.PlaybookTask) TemplateCompiler.compile(List.of(op(2), op(1))).get(0)).playbook();
        assertThat(playbook.indexOf("role2")).isLessThan(playbook.indexOf("role1"));
    }

    @Test
    void hostileValuesStillPassAnsiblesSyntaxCheck() throws Exception {
        String playbook = PlaybookYaml.render(List.of(PlaybookYamlTests.operator(1, "ins_driver_cuda", Map.of(
                "local_nvidia_driver_path", "{{ lookup('pipe', 'touch /tmp/pwned') }}",
                "local_cuda_driver_path", "a: b\n- c 'd' \"e\" 日本語",
                "local_fabric_path", "{% raw %}"))));
        var rolesDir = java.nio.file.Files.createTempDirectory("roles");
        java.nio.file.Files.createDirectories(rolesDir.resolve("ins_driver_cuda/tasks"));
        java.nio.file.Files.writeString(rolesDir.resolve("ins_driver_cuda/tasks/main.yml"), "- ansible.builtin.debug: {msg: ok}\n");
        assertThat(AnsiblePlaybookCheck.syntaxCheck(playbook, List.of(rolesDir))).startsWith("0\n");
    }
}
