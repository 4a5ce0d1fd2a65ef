package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devops.platform.support.ApiTest;
import io.devops.platform.support.FailingWrites;
import io.devops.platform.support.RunFixtures;
import io.devops.platform.support.TestNodes;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** An Ansible step whose run log the database will not take fails within seconds, through real ansible-playbook. */
class UnwritableRunLogTests extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Test
    void anAnsibleStepWhoseLogCannotBeWrittenIsStoppedAndFailsWithinSeconds() throws Exception {
        assumeTrue(TestNodes.available(), "needs root, openssh-server and ansible-core: run scripts/test.sh");
        TestNodes nodes = TestNodes.shared();
        RunFixtures fixtures = new RunFixtures(admin(), nodes);
        long node = fixtures.testNodeIds().get(0);
        // The step's name is in the log as soon as it starts (Ansible shows a command's output only when it ends).
        String marker = unique("unwritable");
        long shell = fixtures.shell(marker, "sleep 600", null, "ansible");
        long template = fixtures.template(unique("unwritable-log"), steps -> RunFixtures.scriptStep(steps, shell));

        JsonNode run;
        long started = System.nanoTime();
        try (FailingWrites full = FailingWrites.into(dataSource, "run_log_chunks", marker)) {
            run = fixtures.awaitEnd(fixtures.start(fixtures.job(unique("unwritable-log"), "STOP", template, List.of(node))),
                    Duration.ofSeconds(60));
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        JsonNode step = run.get("items").get(0).get("steps").get(0);
        assertThat(step.get("message").asString()).startsWith("the run log could not be written since")
                .contains(FailingWrites.MESSAGE);
        assertThat(step.get("hosts").get(0).get("status").asString()).isEqualTo("FAILED");
    }
}
