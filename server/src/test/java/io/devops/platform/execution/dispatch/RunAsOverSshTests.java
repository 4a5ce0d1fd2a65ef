package io.devops.platform.execution.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The Ansible dispatcher never runs a script that names a user to run as: over SSH it would run as root. */
class RunAsOverSshTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aScriptStepNamingAUserFailsUnrunOverSshEvenWhenItsSnapshotSaysSo() {
        RunFixtures runs = RunFixtures.onTestNodes(admin());
        long shell = runs.shell(unique("ssh_shell"), "echo ran-$((6*7))-as-$(id -un)", null, "ansible");
        long template = runs.template(unique("ssh-template"), steps -> RunFixtures.scriptStep(steps, shell));
        // The catalog refuses such a step; a compiled task changed otherwise (by hand in the database) must not slip through.
        jdbc.sql("UPDATE shell_tasks SET run_as = 'nobody' WHERE shell_id = ?").param(shell).update();

        long runId = runs.start(runs.job(unique("ssh-job"), "CONTINUE", template, List.of(runs.testNodeIds().get(0))));
        JsonNode run = runs.awaitEnd(runId, Duration.ofSeconds(60));

        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("FAILED");
        JsonNode host = run.get("items").get(0).get("steps").get(0).get("hosts").get(0);
        assertThat(host.get("status").asString()).isEqualTo("FAILED");
        assertThat(host.get("message").asString()).contains("runs as nobody, which only the node agent honours");
        assertThat(admin().get("/api/v1/runs/" + runId + "/log").body()).doesNotContain("ran-42");
    }
}
