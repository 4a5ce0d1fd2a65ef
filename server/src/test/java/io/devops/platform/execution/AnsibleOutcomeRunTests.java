package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RoleUpload;
import io.devops.platform.support.RunFixtures;
import io.devops.platform.support.TestNodes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A node's result is what Ansible really did with roles others wrote, on real SSH nodes: each
 * operator sees only its own values and always runs, and a node that did not run the rest of a
 * step (ended by a role, stopped by a failure elsewhere) never passes.
 */
class AnsibleOutcomeRunTests extends ApiTest {

    private static final String PRINTER_TASKS = """
            - name: print the values this entry sees
              debug:
                msg: "printer sees mode={{ mode | default('unset') }} extra={{ extra | default('unset') }}"
            """;

    private RunFixtures fixtures;
    private List<Long> nodes;

    @BeforeEach
    void testNodes() {
        fixtures = RunFixtures.onTestNodes(admin());
        nodes = fixtures.testNodeIds();
    }

    @Test
    void operatorsOfOneRoleSeeOnlyTheirOwnValuesAndEveryEntryRuns() {
        RoleUpload printer = RoleUpload.create(admin(), unique("printer"),
                Map.of("tasks/main.yml", PRINTER_TASKS, "defaults/main.yml", "mode: default\n"), "mode", "extra");
        long check = printer.operator("550-check", Map.of("mode", "check", "extra", "set"));
        long install = printer.operator("550-install", Map.of("mode", "install"));
        long template = fixtures.template(unique("isolation"), steps -> {
            RunFixtures.operatorStep(steps, check);
            RunFixtures.operatorStep(steps, install);
            RunFixtures.operatorStep(steps, install);
        });

        JsonNode run = runOn(template, List.of(nodes.get(0)));
        String log = log(run);

        assertThat(run.get("status").asString()).as(log).isEqualTo("SUCCEEDED");
        assertThat(count(log, "printer sees mode=check extra=set")).as(log).isEqualTo(1);
        assertThat(count(log, "printer sees mode=install extra=unset")).as(log).isEqualTo(2);
        assertThat(log).doesNotContain("mode=install extra=set");
    }

    @Test
    void aNodeThatARoleEndedEarlyFailsWhileTheOthersSucceed() {
        String first = TestNodes.shared().ip(0);
        RoleUpload ender = RoleUpload.create(admin(), unique("ender"), Map.of("tasks/main.yml", """
                - name: leave early on one node
                  meta: end_host
                  when: inventory_hostname == '%s'
                - name: the real work
                  debug:
                    msg: work done
                """.formatted(first)));
        long operator = ender.operator("1", Map.of());
        long template = fixtures.template(unique("end-host"), steps -> RunFixtures.operatorStep(steps, operator));

        JsonNode run = runOn(template, nodes.subList(0, 2));

        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        Map<String, JsonNode> hosts = hosts(run);
        assertThat(hosts.get(first).get("status").asString()).isEqualTo("FAILED");
        assertThat(hosts.get(first).get("message").asString()).contains("did not reach the end of the step");
        assertThat(hosts.get(TestNodes.shared().ip(1)).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aFailureMadeFatalByARoleStopsTheOtherNodesWithoutPassingThem() {
        String first = TestNodes.shared().ip(0);
        RoleUpload fatal = RoleUpload.create(admin(), unique("fatal"), Map.of("tasks/main.yml", """
                - name: break one node for all
                  command: /bin/false
                  when: inventory_hostname == '%s'
                  any_errors_fatal: true
                - name: the real work
                  debug:
                    msg: work done
                """.formatted(first)));
        long operator = fatal.operator("1", Map.of());
        long template = fixtures.template(unique("fatal"), steps -> RunFixtures.operatorStep(steps, operator));

        JsonNode run = runOn(template, nodes.subList(0, 2));

        Map<String, JsonNode> hosts = hosts(run);
        assertThat(hosts.get(first).get("status").asString()).isEqualTo("FAILED");
        JsonNode other = hosts.get(TestNodes.shared().ip(1));
        assertThat(other.get("status").asString()).isEqualTo("FAILED");
        assertThat(other.get("message").asString()).contains("did not reach the end of the step");
    }

    @Test
    void aFailureTheRoleRescuedLeavesTheNodeSucceeded() {
        RoleUpload rescuer = RoleUpload.create(admin(), unique("rescuer"), Map.of("tasks/main.yml", """
                - block:
                    - name: try the fast way
                      command: /bin/false
                  rescue:
                    - name: fall back
                      debug:
                        msg: fell back
                """));
        long operator = rescuer.operator("1", Map.of());
        long template = fixtures.template(unique("rescue"), steps -> RunFixtures.operatorStep(steps, operator));

        JsonNode run = runOn(template, List.of(nodes.get(0)));

        assertThat(run.get("status").asString()).as(log(run)).isEqualTo("SUCCEEDED");
        assertThat(hosts(run).get(TestNodes.shared().ip(0)).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aDeclaredReportTheNodeDidNotWriteIsRecordedAsMissingAndFailsTheNode() {
        String ip = TestNodes.shared().ip(0);
        String report = "/tmp/devops-report-" + unique("never") + ".md";
        long shell = fixtures.shell(unique("reporter"), "echo the work ran, the report was forgotten", report, "ansible");
        long template = fixtures.template(unique("reports"), steps -> RunFixtures.scriptStep(steps, shell));

        JsonNode run = runOn(template, List.of(nodes.get(0)));

        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        JsonNode host = hosts(run).get(ip);
        assertThat(host.get("status").asString()).isEqualTo("FAILED");
        assertThat(host.get("message").asString()).contains(report).contains("is missing: the step did not write it");
        JsonNode reports = admin().get("/api/v1/runs/" + run.get("id").asLong() + "/reports").json();
        assertThat(reports.size()).isEqualTo(1);
        assertThat(reports.get(0).get("path").asString()).isEqualTo(report);
        assertThat(reports.get(0).get("missing").asBoolean()).isTrue();
        assertThat(reports.get(0).get("missingReason").asString()).contains("did not write it");
        assertThat(log(run)).contains(ip + ": report " + report + " is missing");
        assertThat(count(log(run), "PLAY RECAP")).as("one ansible-playbook for the step and its reports").isEqualTo(1);
    }

    @Test
    void aStepFetchesItsReportsInItsOwnPlaybookFromTheNodesWhereItSucceeded() {
        String first = TestNodes.shared().ip(0);
        String second = TestNodes.shared().ip(1);
        String report = "/tmp/devops-report-" + unique("inline") + ".md";
        RoleUpload writer = RoleUpload.create(admin(), unique("writer"), Map.of("tasks/main.yml", """
                - name: write the report
                  copy:
                    content: "# written by {{ inventory_hostname }}"
                    dest: %s
                  when: inventory_hostname == '%s'
                - name: fail the other node
                  command: /bin/false
                  when: inventory_hostname == '%s'
                """.formatted(report, first, second)));
        writer.reports(report);
        long operator = writer.operator("1", Map.of());
        long template = fixtures.template(unique("inline-reports"), steps -> RunFixtures.operatorStep(steps, operator));

        JsonNode run = runOn(template, nodes.subList(0, 2));

        String log = log(run);
        Map<String, JsonNode> hosts = hosts(run);
        assertThat(hosts.get(first).get("status").asString()).as(log).isEqualTo("SUCCEEDED");
        assertThat(hosts.get(second).get("status").asString()).isEqualTo("FAILED");
        assertThat(hosts.get(second).get("message").asString()).doesNotContain("report");
        JsonNode reports = admin().get("/api/v1/runs/" + run.get("id").asLong() + "/reports").json();
        assertThat(reports.size()).as(reports.toString()).isEqualTo(1);
        assertThat(reports.get(0).get("nodeId").asLong()).isEqualTo(nodes.get(0));
        assertThat(reports.get(0).get("content").asString()).isEqualTo("# written by " + first);
        assertThat(count(log, "PLAY RECAP")).as(log).isEqualTo(1);
        assertThat(log).doesNotContain("[platform] collecting");
    }

    @Test
    void aReportThatCannotBeFetchedSaysWhyAndFailsTheNode() {
        String ip = TestNodes.shared().ip(0);
        String report = "/tmp/devops-report-" + unique("folder");
        long shell = fixtures.shell(unique("folder-reporter"), "mkdir -p " + report, report, "ansible");
        long template = fixtures.template(unique("folder-report"), steps -> RunFixtures.scriptStep(steps, shell));

        JsonNode run = runOn(template, List.of(nodes.get(0)));

        JsonNode host = hosts(run).get(ip);
        assertThat(host.get("status").asString()).isEqualTo("FAILED");
        assertThat(host.get("message").asString()).contains(report).contains("could not be fetched from the node")
                .contains("directory");
    }

    private JsonNode runOn(long template, List<Long> targets) {
        long runId = fixtures.start(fixtures.job(unique("truth"), "STOP", template, targets));
        JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(3));
        assertThat(RunFixtures.isFinal(run.get("status").asString())).as(run.toString()).isTrue();
        return run;
    }

    private String log(JsonNode run) {
        return admin().get("/api/v1/runs/" + run.get("id").asLong() + "/log").body();
    }

    /** The hosts of the run's only step, by address. */
    private static Map<String, JsonNode> hosts(JsonNode run) {
        JsonNode steps = run.get("items").get(0).get("steps");
        assertThat(steps.size()).isEqualTo(1);
        Map<String, JsonNode> byIp = new java.util.LinkedHashMap<>();
        steps.get(0).get("hosts").forEach(host -> byIp.put(host.get("ip").asString(), host));
        return byIp;
    }

    private static long count(String text, String needle) {
        return Pattern.compile(Pattern.quote(needle)).matcher(text).results().count();
    }
}
