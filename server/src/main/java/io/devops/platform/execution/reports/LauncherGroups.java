package io.devops.platform.execution.reports;

import io.devops.platform.acceptance.MultiNodeScales.GroupReport;
import io.devops.platform.ansible.AnsiblePlaybooks;
import io.devops.platform.ansible.PlaybookOutcome;
import io.devops.platform.ansible.PlaybookRun;
import io.devops.platform.execution.dispatch.GeneratedPlaybooks;
import io.devops.platform.execution.dispatch.InventoryHosts;
import io.devops.platform.execution.logs.LogAppender;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunContents.RunTask;
import io.devops.platform.execution.settings.ExecutionProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one group of a multi-node launcher step again on its launcher: the step's own command over a
 * host list of the group's nodes, then fetches the report it wrote (the step's acceptance report path).
 * The output is kept with the run as the launcher's report "{@code <path> (group #n: ips)}", so the
 * evidence of every group run stays with the run; the platform decides which nodes run together.
 */
@Component
class LauncherGroups {

    private final AnsiblePlaybooks playbooks;
    private final InventoryHosts inventory;
    private final RunReports reports;
    private final ExecutionProperties properties;
    private final Clock clock;
    private final JsonMapper json;

    LauncherGroups(AnsiblePlaybooks playbooks, InventoryHosts inventory, RunReports reports, ExecutionProperties properties,
                   Clock clock, JsonMapper json) {
        this.playbooks = playbooks;
        this.inventory = inventory;
        this.reports = reports;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
    }

    /** One group's run from the launcher (the first node of the step): its report, masked, or why there is none. */
    GroupReport run(long runId, RunTask task, RunNode launcher, List<RunNode> group, int number, String reportPath, Path workDir,
                    UnaryOperator<String> masking, LogAppender log) {
        List<String> ips = group.stream().map(RunNode::ip).toList();
        Path dir = workDir.resolve("group-" + number);
        Path dest = GeneratedPlaybooks.prepareReportsDir(dir);
        String steps = GeneratedPlaybooks.launcherGroup(runId, task.id(), "multi-node group", task.command(), ips, number);
        String playbook = GeneratedPlaybooks.withReportCollection(steps, List.of(reportPath), dest, properties.maxReportBytes())
                .orElseThrow(() -> new IllegalStateException("the generated group playbook is not a list of plays"));
        log.line("[platform] group #" + number + " from the launcher " + launcher.ip() + ": " + String.join(", ", ips));
        PlaybookOutcome outcome = playbooks.run(new PlaybookRun(dir, playbook, inventory.of(List.of(launcher)), List.of(),
                properties.taskTimeout(), Map.of()), line -> log.line(masking.apply(line)), () -> false);
        String keptAs = reportPath + " (group #" + number + ": " + String.join(", ", ips) + ")";
        Path fetched = dest.resolve(launcher.ip()).resolve("0");
        if (Files.exists(fetched)) {
            String content = masking.apply(read(fetched));
            reports.save(runId, task.id(), launcher.nodeId(), launcher.ip(), keptAs, content, content.getBytes(StandardCharsets.UTF_8).length, false, clock.instant());
            return GroupReport.of(content);
        }
        String reason = Arrived.read(dest.resolve(launcher.ip() + ".json"), json).of(0)
                .map(seen -> seen.size() < 0 ? "the launcher did not write " + reportPath
                        : seen.size() > properties.maxReportBytes() ? seen.size() + " bytes, over the report size limit" : seen.note())
                .filter(why -> !why.isBlank())
                .orElseGet(() -> "the group's run on the launcher " + launcher.ip() + " failed: " + ReportCollector.failure(outcome, launcher.ip()));
        reports.saveMissing(runId, task.id(), launcher.nodeId(), launcher.ip(), keptAs, reason, clock.instant());
        log.line("[platform] group #" + number + ": no report: " + reason);
        return GroupReport.missing(reason);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a group's report " + file, e);
        }
    }
}
