package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.collections.GalaxyBuild;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.Multipart;
import io.devops.platform.support.RoleUpload;
import io.devops.platform.support.RunFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * With real Ansible over SSH: a role's meta/main.yml dependency runs first, at its pinned version,
 * and a module of a collection built here with ansible-galaxy runs from the stored artifact.
 */
class RoleNeedsRunTests extends ApiTest {

    @Test
    void theDependencyRunsFirstAndTheCollectionsModuleRunsOnTheNode() {
        RunFixtures fixtures = RunFixtures.onTestNodes(admin());
        String namespace = unique("ns").toLowerCase(Locale.ROOT);
        String marker = unique("written");
        String path = "/tmp/devops-collection-" + marker + ".txt";
        Multipart artifact = Multipart.file("file", "c.tar.gz", GalaxyBuild.build(namespace, "tools", "1.0.0", marker));
        assertThat(admin().post("/api/v1/collections", artifact.body(), artifact.contentType()).status()).isEqualTo(201);
        RoleUpload dependency = RoleUpload.create(admin(), unique("dep"), Map.of("tasks/main.yml",
                "- ansible.builtin.debug: {msg: 'the dependency ran: pinned one'}\n"));
        RoleUpload role = RoleUpload.create(admin(), unique("main"), Map.of(
                "meta/main.yml", "dependencies: [" + dependency.name() + "]\ncollections: [" + namespace + ".tools]\n",
                "tasks/main.yml", """
                        - %s.tools.touch: {path: "%s", text: "%s"}
                        - ansible.builtin.command: cat %s
                          register: written
                          changed_when: false
                        - ansible.builtin.file: {path: "%s", state: absent}
                        - ansible.builtin.debug: {msg: "the node file says {{ written.stdout }}"}
                        """.formatted(namespace, path, marker, path, path)));
        long operator = role.operator("1", Map.of());
        dependency.upload(Map.of("tasks/main.yml", "- ansible.builtin.debug: {msg: 'the dependency ran: unpinned two'}\n"));
        long template = fixtures.template(unique("needs"), steps -> RunFixtures.operatorStep(steps, operator));

        long runId = fixtures.start(fixtures.job(unique("needs"), "STOP", template, List.of(fixtures.testNodeIds().get(0))));
        JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(3));
        String log = admin().get("/api/v1/runs/" + runId + "/log").body();

        assertThat(run.get("status").asString()).as(log).isEqualTo("SUCCEEDED");
        assertThat(log).doesNotContain("unpinned two");
        assertThat(log.indexOf("the dependency ran: pinned one")).as(log).isPositive()
                .isLessThan(log.indexOf("the node file says " + marker));
    }
}
