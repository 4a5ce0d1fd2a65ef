package io.devops.platform.execution;

import io.devops.platform.ansible.AnsiblePlaybooks;
import io.devops.platform.ansible.PlaybookRun;
import io.devops.platform.execution.RunContents.RunNode;
import io.devops.platform.execution.RunContents.RunTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * After a step that declares report files, fetches them from each node where it succeeded and
 * stores them with the run (up to the size limit; larger files are recorded as not collected).
 */
@Component
class ReportCollector {

    private final AnsiblePlaybooks playbooks;
    private final AnsibleDispatch dispatch;
    private final RunReports reports;
    private final ExecutionProperties properties;
    private final Clock clock;

    ReportCollector(AnsiblePlaybooks playbooks, AnsibleDispatch dispatch, RunReports reports, ExecutionProperties properties,
                    Clock clock) {
        this.playbooks = playbooks;
        this.dispatch = dispatch;
        this.reports = reports;
        this.properties = properties;
        this.clock = clock;
    }

    void collect(long runId, RunTask task, List<RunNode> nodes, Path workDir, LogAppender log) {
        if (task.reports().isEmpty() || nodes.isEmpty()) {
            return;
        }
        Path dest = workDir.resolve("reports");
        log.line("[platform] collecting " + task.reports().size() + " report file(s) from " + nodes.size() + " node(s)");
        PlaybookRun run = new PlaybookRun(workDir.resolve("collect"),
                GeneratedPlaybooks.collectReports(task.reports(), dest, properties.maxReportBytes()), dispatch.hosts(nodes),
                List.of(), Duration.ofMinutes(5), Map.of());
        playbooks.run(run, log::line, () -> false);
        for (RunNode node : nodes) {
            for (int i = 0; i < task.reports().size(); i++) {
                store(runId, task, node, task.reports().get(i), dest.resolve(node.ip()).resolve(String.valueOf(i)));
            }
        }
    }

    private void store(long runId, RunTask task, RunNode node, String path, Path fetched) {
        try {
            Path sizeFile = fetched.resolveSibling(fetched.getFileName() + ".size");
            long size = Files.exists(sizeFile) ? Long.parseLong(Files.readString(sizeFile).trim()) : -1;
            if (Files.exists(fetched)) {
                String content = new String(Files.readAllBytes(fetched), StandardCharsets.UTF_8);
                reports.save(runId, task.id(), node.nodeId(), node.ip(), path, content, Files.size(fetched), false, clock.instant());
            } else if (size > properties.maxReportBytes()) {
                reports.save(runId, task.id(), node.nodeId(), node.ip(), path, null, size, true, clock.instant());
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot store the report " + path + " of " + node.ip() + ": " + e.getMessage(), e);
        }
    }
}
