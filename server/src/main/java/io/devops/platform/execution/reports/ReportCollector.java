package io.devops.platform.execution.reports;

import io.devops.platform.acceptance.AcceptanceReports;
import io.devops.platform.acceptance.MultiNodeScales;
import io.devops.platform.ansible.AnsiblePlaybooks;
import io.devops.platform.ansible.PlaybookOutcome;
import io.devops.platform.ansible.PlaybookRun;
import io.devops.platform.execution.dispatch.GeneratedPlaybooks;
import io.devops.platform.execution.dispatch.InventoryHosts;
import io.devops.platform.execution.logs.LogAppender;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunContents.RunTask;
import io.devops.platform.execution.settings.ExecutionProperties;
import io.devops.platform.execution.verdicts.StepVerdicts;
import io.devops.platform.execution.verdicts.StepVerdicts.ReportFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * After a step that declares report files, stores them with the run for each node where it
 * succeeded (up to the size limit; larger files are recorded as not collected). An Ansible step
 * fetched them in its own playbook; for a step the agents ran they are fetched here, by a playbook
 * of their own. A report that does not arrive is recorded as missing, with why, and fails its
 * node's step: the step promised it, and whatever judges it later must not find silence. A node's
 * acceptance reports ({@code .../acceptance/<check>.txt}) are judged as soon as they are stored
 * ({@link StepVerdicts}): a check that does not pass fails the node's step like a missing report (a
 * launcher's report, every node's).
 */
@Component
public class ReportCollector {

    private final AnsiblePlaybooks playbooks;
    private final InventoryHosts inventory;
    private final RunReports reports;
    private final StepVerdicts verdicts;
    private final LauncherGroups groups;
    private final ExecutionProperties properties;
    private final Clock clock;
    private final JsonMapper json;

    ReportCollector(AnsiblePlaybooks playbooks, InventoryHosts inventory, RunReports reports, StepVerdicts verdicts,
                    LauncherGroups groups, ExecutionProperties properties, Clock clock, JsonMapper json) {
        this.groups = groups;
        this.json = json;
        this.playbooks = playbooks;
        this.inventory = inventory;
        this.reports = reports;
        this.verdicts = verdicts;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * After the step ran on {@code all} and succeeded on {@code succeeded}: fetches its declared
     * reports from the nodes that wrote them (unless {@code fetchedInStep}: the step's playbook did)
     * and records each (its content, that it was too large,
     * or that it is missing and why), and judges the acceptance reports among them.
     *
     * @return the nodes that fail for a missing report or a check that did not pass, each with the
     *     first reason: those it is missing from, or every node of a launcher step, whose one report
     *     speaks for them all
     */
    public Map<Long, String> collect(long runId, RunTask task, List<RunNode> succeeded, List<RunNode> all, Path workDir,
                                     boolean fetchedInStep, UnaryOperator<String> masking, LogAppender log) {
        return collectFrom(runId, task, reportingNodes(task, succeeded, all), all, workDir, fetchedInStep, masking, log);
    }

    /** The nodes a step's reports come from: the launcher alone ran a launcher step. */
    private static List<RunNode> reportingNodes(RunTask task, List<RunNode> succeeded, List<RunNode> all) {
        if ("LAUNCHER".equals(task.dispatch())) {
            return succeeded.isEmpty() || all.isEmpty() || !succeeded.contains(all.get(0)) ? List.of() : List.of(all.get(0));
        }
        return succeeded;
    }

    /** @return the nodes a declared report is missing from, or a check failed on, each with the first reason */
    private Map<Long, String> collectFrom(long runId, RunTask task, List<RunNode> nodes, List<RunNode> all, Path workDir,
                                          boolean fetchedInStep, UnaryOperator<String> masking, LogAppender log) {
        if (task.reports().isEmpty() || nodes.isEmpty()) {
            return Map.of();
        }
        Path dest = fetchedInStep ? GeneratedPlaybooks.reportsDir(workDir) : GeneratedPlaybooks.prepareReportsDir(workDir);
        Function<String, String> fetchFailure = fetchedInStep ? ip -> IN_STEP_FAILURE : fetch(task, nodes, workDir, dest, log);
        Map<Long, String> missing = new LinkedHashMap<>();
        // A launcher's reports speak for every node of the step.
        boolean launcher = "LAUNCHER".equals(task.dispatch());
        for (RunNode node : nodes) {
            List<ReportFile> acceptance = new ArrayList<>();
            Arrived arrived = Arrived.read(dest.resolve(node.ip() + ".json"), json);
            for (int i = 0; i < task.reports().size(); i++) {
                String path = task.reports().get(i);
                ReportFile stored = store(runId, task, node, path, dest.resolve(node.ip()).resolve(String.valueOf(i)),
                        arrived.of(i), fetchFailure, masking);
                if (stored.missingReason() != null) {
                    String reason = "report " + path + " " + stored.missingReason();
                    // The launcher's one report speaks for every node of the step.
                    (launcher ? all : List.of(node)).forEach(each -> missing.putIfAbsent(each.nodeId(),
                            launcher ? "the launcher's " + reason : reason));
                    log.line("[platform] " + node.ip() + ": report " + path + " " + stored.missingReason());
                }
                if (StepVerdicts.isAcceptanceReport(path)) {
                    acceptance.add(stored);
                }
            }
            if (launcher) {
                verdicts.judgeLauncher(runId, task.id(), all, acceptance, groupRuns(runId, task, all, workDir, masking, log), log)
                        .forEach(missing::putIfAbsent);
            } else {
                verdicts.judge(runId, task.id(), node, List.of(node), acceptance, log)
                        .ifPresent(reason -> missing.putIfAbsent(node.nodeId(), reason));
            }
        }
        return missing;
    }

    /** The launcher step's command run again over each group the multi-node scales ask for, numbered in the order they run. */
    private StepVerdicts.GroupRuns groupRuns(long runId, RunTask task, List<RunNode> all, Path workDir, UnaryOperator<String> masking,
                                             LogAppender log) {
        String reportPath = task.reports().stream()
                .filter(path -> AcceptanceReports.checkOf(path).filter(MultiNodeScales.CHECK::equals).isPresent())
                .findFirst().orElse(null);
        AtomicInteger number = new AtomicInteger();
        return group -> groups.run(runId, task, all.get(0), group, number.incrementAndGet(), reportPath, workDir, masking, log);
    }

    /** Fetches the reports by a playbook of their own; answers why a node's reports did not arrive. */
    private Function<String, String> fetch(RunTask task, List<RunNode> nodes, Path workDir, Path dest, LogAppender log) {
        log.line("[platform] collecting " + task.reports().size() + " report file(s) from " + nodes.size() + " node(s)");
        PlaybookRun run = new PlaybookRun(workDir.resolve("collect"),
                GeneratedPlaybooks.collectReports(task.reports(), dest, properties.maxReportBytes()), inventory.of(nodes),
                List.of(), Duration.ofMinutes(5), Map.of());
        PlaybookOutcome outcome = playbooks.run(run, log::line, () -> false);
        return ip -> failure(outcome, ip);
    }

    static final String IN_STEP_FAILURE = "the step's playbook ended before it fetched the node's reports";

    /** @return the report as stored: its content, that it was too large, or why it is missing */
    private ReportFile store(long runId, RunTask task, RunNode node, String path, Path fetched, Optional<Arrived.Report> seen,
                             Function<String, String> fetchFailure, UnaryOperator<String> masking) {
        try {
            if (Files.exists(fetched)) {
                // A secret the step was given never reaches the stored report, its page or the hash a verdict keeps.
                String content = masking.apply(new String(Files.readAllBytes(fetched), StandardCharsets.UTF_8));
                reports.save(runId, task.id(), node.nodeId(), node.ip(), path, content, Files.size(fetched), false, clock.instant());
                return new ReportFile(path, content, false, Files.size(fetched), null);
            }
            long size = seen.map(Arrived.Report::size).orElse(-1L);
            if (size > properties.maxReportBytes()) {
                reports.save(runId, task.id(), node.nodeId(), node.ip(), path, null, size, true, clock.instant());
                return new ReportFile(path, null, true, size, null);
            }
            String reason = seen.isPresent() && size < 0 ? "is missing: the step did not write it on this node"
                    : "could not be fetched from the node: " + seen.map(Arrived.Report::note).filter(note -> !note.isBlank())
                            .orElseGet(() -> fetchFailure.apply(node.ip()));
            reports.saveMissing(runId, task.id(), node.nodeId(), node.ip(), path, reason, clock.instant());
            return new ReportFile(path, null, false, 0, reason);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store the report " + path + " of " + node.ip() + ": " + e.getMessage(), e);
        }
    }

    static String failure(PlaybookOutcome outcome, String ip) {
        return outcome.results().stream()
                .filter(result -> result.host().equals(ip) && List.of("failed", "unreachable").contains(result.status()))
                .reduce((first, second) -> second)
                .map(result -> result.task() + ": " + (result.message() == null ? result.status() : result.message()))
                .orElse(outcome.message() == null ? "no result from Ansible" : outcome.message());
    }
}
