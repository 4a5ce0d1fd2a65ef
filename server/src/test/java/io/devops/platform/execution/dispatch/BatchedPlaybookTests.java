package io.devops.platform.execution.dispatch;

import io.devops.platform.support.DatabaseIndependent;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** A batch size becomes Ansible's {@code serial} on every play of the step's playbook, or the step is not run. */
@DatabaseIndependent
class BatchedPlaybookTests {

    @Test
    void everyPlayOfAGeneratedPlaybookGetsTheBatchSizeAsSerial() {
        String script = GeneratedPlaybooks.script(1, 2, "a step", "echo hi", null, Map.of(), null);
        String withReports = GeneratedPlaybooks.withReportCollection(script, List.of("/tmp/r.md"), Path.of("/tmp/reports"), 1000)
                .orElseThrow();

        String batched = GeneratedPlaybooks.withSerial(withReports, 10).orElseThrow();

        List<Map<String, Object>> plays = new Yaml().load(batched.replace("!unsafe", "!!str"));
        assertThat(plays).hasSize(2).allSatisfy(play -> assertThat(play).containsEntry("serial", 10).containsKey("tasks"));
    }

    @Test
    void aPlaybookWhoseFirstKeyOpensABlockIsNotGuessedAt() {
        assertThat(GeneratedPlaybooks.withSerial("- tasks:\n  - debug: {}\n  hosts: all\n", 2)).isEmpty();
        assertThat(GeneratedPlaybooks.withSerial("hosts: all\n", 2)).isEmpty();
        assertThat(GeneratedPlaybooks.withSerial("---\n- hosts: all\n  pre_tasks: []\n", 2)).contains("---\n- hosts: all\n  serial: 2\n  pre_tasks: []\n");
    }
}
