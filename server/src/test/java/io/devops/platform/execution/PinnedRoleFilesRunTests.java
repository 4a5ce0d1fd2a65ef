package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.catalog.TemplatePlan;
import io.devops.platform.catalog.TemplatePlans;
import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RoleUpload;
import io.devops.platform.support.RunFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A run executes exactly the role files its operator versions pinned, with real Ansible over SSH:
 * uploading new files later changes nothing for them, also on an instance whose cache never saw
 * the old files (the cache emptied here), while a new operator version runs the new files.
 */
class PinnedRoleFilesRunTests extends ApiTest {

    @Autowired
    TemplatePlans plans;

    private RunFixtures fixtures;
    private List<Long> nodes;

    @BeforeEach
    void testNodes() {
        fixtures = RunFixtures.onTestNodes(admin());
        nodes = fixtures.testNodeIds();
    }

    @Test
    void anOldOperatorVersionRunsItsOwnFilesAfterTheRoleWasUploadedAgain() throws IOException {
        RoleUpload role = RoleUpload.create(admin(), unique("pinned"), files("the files of version one"));
        long first = role.operator("1", Map.of());
        role.upload(files("the files of version two"));
        long template = fixtures.template(unique("pinned"), steps -> RunFixtures.operatorStep(steps, first));

        String log = log(run(template));

        assertThat(log).contains("the files of version one").doesNotContain("the files of version two");
    }

    @Test
    void anInstanceWithAnEmptyCacheRunsThePinnedFilesFromTheDatabase() throws IOException {
        RoleUpload role = RoleUpload.create(admin(), unique("cold"), files("cold files of version one"));
        long first = role.operator("1", Map.of());
        role.upload(files("cold files of version two"));
        long template = fixtures.template(unique("cold"), steps -> RunFixtures.operatorStep(steps, first));
        Path cache = cacheOf(template);
        assertThat(cache).isDirectory();
        deleteTree(cache);

        JsonNode run = run(template);

        assertThat(log(run)).contains("cold files of version one").doesNotContain("cold files of version two");
        assertThat(Files.readString(cache.resolve(role.name() + "/tasks/main.yml"))).contains("version one");
    }

    @Test
    void aNewOperatorVersionRunsTheNewFilesAndBothVersionsCanRunInOneTemplate() {
        RoleUpload role = RoleUpload.create(admin(), unique("both"), files("both: version one"));
        long first = role.operator("1", Map.of());
        role.upload(files("both: version two"));
        Api.Response second = admin().put("/api/v1/operators/" + first, "{\"pkgVersion\":\"1\",\"values\":{}}");
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        long template = fixtures.template(unique("both"), steps -> {
            RunFixtures.operatorStep(steps, first);
            RunFixtures.operatorStep(steps, second.id());
        });

        JsonNode run = run(template);
        String log = log(run);

        assertThat(run.get("status").asString()).as(log).isEqualTo("SUCCEEDED");
        assertThat(log.indexOf("both: version one")).as(log).isPositive().isLessThan(log.indexOf("both: version two"));
    }

    private static Map<String, String> files(String message) {
        return Map.of("tasks/main.yml", """
                - name: say which files run
                  debug:
                    msg: "%s"
                """.formatted(message));
    }

    /** The cache folder of the template's first playbook: {@code <roles dir>/.by-hash/<hash>}, unpacked. */
    private Path cacheOf(long templateId) {
        TemplatePlan plan = plans.latestPlan(templateId).orElseThrow();
        return plans.rolesPaths(plan.tasks().get(0).steps()).get(0);
    }

    private JsonNode run(long template) {
        long runId = fixtures.start(fixtures.job(unique("pinned"), "STOP", template, List.of(nodes.get(0))));
        JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(3));
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        return run;
    }

    private String log(JsonNode run) {
        return admin().get("/api/v1/runs/" + run.get("id").asLong() + "/log").body();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
