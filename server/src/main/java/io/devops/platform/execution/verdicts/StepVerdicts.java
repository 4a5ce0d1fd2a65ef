package io.devops.platform.execution.verdicts;

import io.devops.platform.acceptance.AcceptanceCheck;
import io.devops.platform.acceptance.AcceptanceReports;
import io.devops.platform.acceptance.AcceptanceVerdicts;
import io.devops.platform.acceptance.Baselined;
import io.devops.platform.acceptance.CheckResult;
import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.acceptance.FleetBaselines;
import io.devops.platform.acceptance.MultiNodeScales;
import io.devops.platform.acceptance.MultiNodeScales.GroupReport;
import io.devops.platform.acceptance.MultiNodeScales.ScaledStep;
import io.devops.platform.acceptance.NodeContext;
import io.devops.platform.execution.logs.LogAppender;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.inventory.NodePlacement;
import io.devops.platform.inventory.NodeRegistry;
import io.devops.platform.inventory.NodeRegistry.KnownNode;
import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.Sha256;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Judges a node's acceptance reports of one step (paths {@code .../acceptance/<check>.txt}) with the
 * check of that name, stores each verdict, and answers whether the node fails the step: any FAIL or
 * ERROR does, with the failing checks' messages ("acceptance nvlink: GPU 3 link 5 inactive"). A
 * report that did not arrive or was too large is an ERROR for MISSING_EVIDENCE, one that names no
 * known check an ERROR that COULD_NOT_RUN: nothing passes by default. Each verdict keeps the sha256
 * of the report as stored, and the baseline it was judged against when its check's judging mode
 * uses one (FleetBaselines: judged before it is stored, learnt from after). A report the role wrote as "not selected" was not due and gets no verdict. A launcher's
 * report (a multi-node test over the run's host list) is judged once, for the group's node count, and
 * its verdict is every node's of the group, its message naming the group and the launcher.
 */
@Component
public class StepVerdicts {

    /** The one line the built-in role writes for a check it was told not to run. */
    static final String NOT_SELECTED = "devops-acceptance: not selected";
    private static final Logger log = LoggerFactory.getLogger(StepVerdicts.class);

    private final Map<String, AcceptanceCheck> checks;
    private final AcceptanceVerdicts verdicts;
    private final FleetBaselines baselines;
    private final NodeRegistry inventory;
    private final NodePlacement placement;
    private final MultiNodeScales scales;
    private final Clock clock;

    StepVerdicts(List<AcceptanceCheck> checks, AcceptanceVerdicts verdicts, FleetBaselines baselines, NodeRegistry inventory,
                 NodePlacement placement, MultiNodeScales scales, Clock clock) {
        this.scales = scales;
        this.checks = checks.stream().collect(Collectors.toMap(AcceptanceCheck::name, Function.identity()));
        this.verdicts = verdicts;
        this.baselines = baselines;
        this.inventory = inventory;
        this.placement = placement;
        this.clock = clock;
    }

    /**
     * One declared report as collected from a node: its content, or that it was too large
     * ({@code tooLarge}), or why it is missing ({@code missingReason}).
     */
    public record ReportFile(String path, String content, boolean tooLarge, long size, String missingReason) {
    }

    public static boolean isAcceptanceReport(String path) {
        return AcceptanceReports.checkOf(path).isPresent();
    }

    /**
     * Judges the reports {@code judged} (one node's, a launcher's for the whole step) and records the
     * verdicts for each of {@code nodes} (the node itself, or every node of a launcher step).
     *
     * @return why the nodes fail the step, when a check did not pass
     */
    public Optional<String> judge(long runId, long taskId, RunNode judged, List<RunNode> nodes, List<ReportFile> reports,
                                  LogAppender out) {
        List<ReportFile> due = reports.stream().filter(report -> isAcceptanceReport(report.path()) && !notSelected(report)).toList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Optional<KnownNode> known = inventory.known(judged.nodeId());
        NodeContext context = context(known, nodes.size());
        String driverVersion = known.isPresent() ? driverVersion(judged.nodeId()) : null;
        List<String> failing = new ArrayList<>();
        for (ReportFile report : due) {
            // Judged against the baseline as it stands, stored, and only then learnt from: never judged against itself.
            Baselined judgedOnce = baselines.judge(judgeOne(report, context), context, driverVersion);
            CheckResult result = nodes.size() > 1 ? ofGroup(judgedOnce.result(), judged, nodes) : judgedOnce.result();
            String sha256 = report.content() == null ? null : Sha256.hex(report.content());
            Long wallMs = AcceptanceReports.wallMs(report.content()).stream().boxed().findFirst().orElse(null);
            Integer level = AcceptanceReports.level(report.content()).stream().boxed().findFirst().orElse(null);
            for (RunNode node : nodes) {
                verdicts.record(runId, taskId, node.nodeId(), node.ip(), new Baselined(result, judgedOnce.baseline()), clock.instant(),
                        sha256, wallMs, level);
            }
            learn(judgedOnce, context, driverVersion, runId, judged.nodeId());
            out.line("[platform] " + judged.ip() + ": acceptance " + result.check() + " " + result.verdict() + ": " + result.message());
            if (!result.verdict().passes()) {
                failing.add("acceptance " + result.check() + ": " + result.message());
            }
        }
        return failing.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", failing));
    }

    /** Runs one group of a launcher step's nodes (in this order) again from the launcher; answers the report it wrote. */
    public interface GroupRuns {
        GroupReport run(List<RunNode> group);
    }

    /**
     * Judges a launcher step's reports for its nodes (the launcher first). The multi-node all_reduce
     * report, when it arrived and the step has 2 nodes or more, is judged at scales ({@link MultiNodeScales}:
     * pairs, groups of k and the whole pool, the step's own report standing for the whole pool, the
     * others run through {@code groups}, then the bisection of the low ones): each node gets its own
     * verdict. Every other report is the group's verdict, every node's.
     *
     * @return why each failing node fails the step
     */
    public Map<Long, String> judgeLauncher(long runId, long taskId, List<RunNode> nodes, List<ReportFile> reports, GroupRuns groups,
                                           LogAppender out) {
        List<ReportFile> atScales = reports.stream().filter(report -> nodes.size() > 1 && report.content() != null && !notSelected(report)
                && AcceptanceReports.checkOf(report.path()).filter(MultiNodeScales.CHECK::equals).isPresent()).toList();
        List<ReportFile> others = reports.stream().filter(report -> !atScales.contains(report)).toList();
        Map<Long, String> failing = new LinkedHashMap<>();
        judge(runId, taskId, nodes.get(0), nodes, others, out)
                .ifPresent(reason -> nodes.forEach(node -> failing.put(node.nodeId(), reason)));
        for (ReportFile report : atScales) {
            judgeAtScales(runId, taskId, nodes, report, groups, out)
                    .forEach((node, reason) -> failing.merge(node, reason, (first, second) -> first + "; " + second));
        }
        return failing;
    }

    private Map<Long, String> judgeAtScales(long runId, long taskId, List<RunNode> nodes, ReportFile report, GroupRuns groups,
                                            LogAppender out) {
        Map<Long, RunNode> byId = nodes.stream().collect(Collectors.toMap(RunNode::nodeId, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
        List<Long> ids = List.copyOf(byId.keySet());
        NodeContext context = context(inventory.known(nodes.get(0).nodeId()), nodes.size());
        String pool = AcceptanceReports.withoutWall(report.content());
        out.line("[platform] " + MultiNodeScales.CHECK + " at scales over " + nodes.size() + " nodes: the step's run stands for the"
                + " whole pool; pairs, groups and the bisection run from the launcher " + nodes.get(0).ip());
        Map<Long, CheckResult> results = scales.judge(new ScaledStep(runId, taskId, ids, id -> byId.get(id).ip(), context.gpuType(),
                context.gpuCount()), group -> group.equals(ids) ? GroupReport.of(pool) : groups.run(group.stream().map(byId::get).toList()));
        Long wallMs = AcceptanceReports.wallMs(report.content()).stream().boxed().findFirst().orElse(null);
        Map<Long, String> failing = new LinkedHashMap<>();
        for (RunNode node : nodes) {
            CheckResult result = ofGroup(results.getOrDefault(node.nodeId(),
                    CheckResult.missingEvidence(MultiNodeScales.CHECK, "no group run judged this node")), nodes.get(0), nodes);
            // The verdict came from several group runs, each kept as the launcher's report "<path> (group #n: ...)": no one hash.
            verdicts.record(runId, taskId, node.nodeId(), node.ip(), Baselined.without(result), clock.instant(), null, wallMs, null);
            out.line("[platform] " + node.ip() + ": acceptance " + result.check() + " " + result.verdict() + ": " + result.message());
            if (!result.verdict().passes()) {
                failing.put(node.nodeId(), "acceptance " + result.check() + ": " + result.message());
            }
        }
        return failing;
    }

    /** A sample the baseline could not take (a lock timeout) costs the fleet one sample, never the node its stored verdict. */
    private void learn(Baselined judged, NodeContext context, String driverVersion, long runId, long nodeId) {
        try {
            baselines.learn(judged, context, driverVersion, runId, nodeId);
        } catch (RuntimeException e) {
            log.warn("The baseline of {} did not take the result of node {} in run {}", judged.result().check(), nodeId, runId, e);
        }
    }

    /** A group's verdict, as each of its nodes keeps it: which nodes it speaks for, and where it was measured. */
    private static CheckResult ofGroup(CheckResult result, RunNode launcher, List<RunNode> nodes) {
        List<String> ips = nodes.stream().map(RunNode::ip).toList();
        String listed = ips.size() <= LISTED_IPS ? String.join(", ", ips)
                : String.join(", ", ips.subList(0, 3)) + ", ... " + ips.get(ips.size() - 1);
        String group = "group of " + nodes.size() + " nodes (" + listed + "), run from the launcher " + launcher.ip() + ": ";
        return result.renamed(result.check(), group + result.message());
    }

    /** A group of more nodes than this is named by its first and last ones: its message names the nodes that matter. */
    private static final int LISTED_IPS = 8;

    private CheckResult judgeOne(ReportFile report, NodeContext context) {
        String name = AcceptanceReports.checkOf(report.path()).orElseThrow();
        if (report.missingReason() != null) {
            return CheckResult.missingEvidence(name, "no report: " + report.missingReason());
        }
        if (report.tooLarge()) {
            return CheckResult.missingEvidence(name, "no report: " + report.size() + " bytes, over the report size limit");
        }
        AcceptanceCheck check = checks.get(name);
        if (check == null) {
            return CheckResult.error(name, "no such check: " + name);
        }
        try {
            CheckResult result = check.judge(AcceptanceReports.withoutWall(report.content()), context);
            return result.check().equals(name) ? result : result.renamed(name, result.message());
        } catch (RuntimeException e) {
            log.error("Acceptance check {} failed on a report", name, e);
            return CheckResult.error(name, "the check could not judge the report: " + e);
        }
    }

    /** The driver version the node's agent reported in its facts ({@code gpu.driverVersion}), null without one. */
    private String driverVersion(long nodeId) {
        JsonNode facts;
        try {
            facts = placement.node(nodeId).facts();
        } catch (NotFoundException gone) {
            return null;
        }
        JsonNode version = facts == null ? null : facts.path("gpu").path("driverVersion");
        return version == null || !version.isValueNode() || version.asString().isBlank() ? null : version.asString().strip();
    }

    private static NodeContext context(Optional<KnownNode> known, int nodeCount) {
        return new NodeContext(known.map(KnownNode::gpuType).orElse(null), known.map(KnownNode::gpuCount).orElse(null), nodeCount);
    }

    private static boolean notSelected(ReportFile report) {
        return report.content() != null && report.content().strip().equals(NOT_SELECTED);
    }

    /** The worst of some verdicts; ERROR for none at all (nothing judged is nothing passed). */
    static CheckVerdict worst(List<CheckVerdict> all) {
        return all.stream().reduce(CheckVerdict::worse).orElse(CheckVerdict.ERROR);
    }
}
