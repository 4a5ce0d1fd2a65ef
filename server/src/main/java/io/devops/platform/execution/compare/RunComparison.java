package io.devops.platform.execution.compare;

import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunRecord;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Two runs side by side, node by node (differences first), or two nodes of one run. Steps pair by
 * their template's and their own name, so runs of two versions of a job compare too: a step in
 * only one of them shows a side without a cell.
 */
public final class RunComparison {

    /** Nodes in only one run, then nodes whose status changed somewhere, then other changes, then the rest; by address within. */
    private static final Comparator<NodeComparison> DIFFERENCES_FIRST = Comparator.comparingInt(RunComparison::rank)
            .thenComparing(NodeComparison::ip, Addresses.ORDER);

    private RunComparison() {
    }

    public static Comparison of(RunSide a, RunSide b, Tolerance tolerance, boolean changedOnly) {
        Set<Long> nodeIds = new LinkedHashSet<>(a.nodes().keySet());
        nodeIds.addAll(b.nodes().keySet());
        List<NodeComparison> nodes = nodeIds.stream().map(id -> node(a, b, id, tolerance)).sorted(DIFFERENCES_FIRST).toList();
        Summary summary = Summary.of(RunRef.of(a.run()), RunRef.of(b.run()), nodes, tolerance);
        return new Comparison(summary, changedOnly ? nodes.stream().filter(NodeComparison::changed).toList() : nodes);
    }

    /** Two nodes of one run (or of two runs): the same pairing of steps and checks. */
    public static NodesComparison nodes(RunSide a, long nodeA, RunSide b, long nodeB, Tolerance tolerance) {
        List<StepChange> steps = Changes.steps(a, nodeA, b, nodeB, tolerance);
        List<CheckChange> checks = Changes.checks(a.verdictsOf(nodeA), b.verdictsOf(nodeB), tolerance);
        return new NodesComparison(NodeRef.of(a.nodes().get(nodeA)), NodeRef.of(b.nodes().get(nodeB)),
                steps.stream().anyMatch(StepChange::changed) || checks.stream().anyMatch(CheckChange::changed), steps, checks);
    }

    private static NodeComparison node(RunSide a, RunSide b, long nodeId, Tolerance tolerance) {
        RunNode node = a.targets(nodeId) ? a.nodes().get(nodeId) : b.nodes().get(nodeId);
        String onlyIn = !b.targets(nodeId) ? "a" : !a.targets(nodeId) ? "b" : null;
        List<StepChange> steps = Changes.steps(a, nodeId, b, nodeId, tolerance);
        List<CheckChange> checks = Changes.checks(a.verdictsOf(nodeId), b.verdictsOf(nodeId), tolerance);
        boolean changed = onlyIn != null || steps.stream().anyMatch(StepChange::changed) || checks.stream().anyMatch(CheckChange::changed);
        return new NodeComparison(nodeId, node.ip(), node.hostname(), onlyIn, changed, steps, checks);
    }

    private static int rank(NodeComparison node) {
        if (node.onlyIn() != null) {
            return 0;
        }
        if (node.has(Changes.STATUS) || node.hasCheck(Changes.VERDICT)) {
            return 1;
        }
        return node.changed() ? 2 : 3;
    }

    public record Comparison(Summary summary, List<NodeComparison> nodes) {
    }

    /** A node of either run; {@code onlyIn} is "a" or "b" for a node that only one of them targeted. */
    public record NodeComparison(long nodeId, String ip, String hostname, String onlyIn, boolean changed, List<StepChange> steps,
                                 List<CheckChange> acceptance) {

        boolean has(String change) {
            return steps.stream().anyMatch(step -> step.changes().contains(change));
        }

        boolean hasCheck(String change) {
            return acceptance.stream().anyMatch(check -> check.changes().contains(change));
        }
    }

    public record NodesComparison(NodeRef a, NodeRef b, boolean changed, List<StepChange> steps, List<CheckChange> acceptance) {
    }

    public record NodeRef(long nodeId, String ip, String hostname) {

        static NodeRef of(RunNode node) {
            return new NodeRef(node.nodeId(), node.ip(), node.hostname());
        }
    }

    public record RunRef(long id, long jobId, int jobVersion, String jobName, String status, Instant startedAt, Long durationMs) {

        static RunRef of(RunRecord run) {
            return new RunRef(run.id(), run.originalJobId(), run.jobVersion(), run.jobName(), run.status().name(), run.startedAt(),
                    run.durationMs());
        }
    }

    /** Counts over every node, whatever the filter shows. */
    public record Summary(RunRef a, RunRef b, int nodes, int changedNodes, int onlyInA, int onlyInB, int statusChanged,
                          int durationChanged, int messageChanged, int acceptanceChanged, int tolerancePercent) {

        static Summary of(RunRef a, RunRef b, List<NodeComparison> nodes, Tolerance tolerance) {
            return new Summary(a, b, nodes.size(), count(nodes, NodeComparison::changed),
                    count(nodes, node -> "a".equals(node.onlyIn())), count(nodes, node -> "b".equals(node.onlyIn())),
                    count(nodes, node -> node.onlyIn() == null && node.has(Changes.STATUS)),
                    count(nodes, node -> node.has(Changes.DURATION)), count(nodes, node -> node.has(Changes.MESSAGE)),
                    count(nodes, node -> node.acceptance().stream().anyMatch(CheckChange::changed)), tolerance.percent());
        }

        private static int count(List<NodeComparison> nodes, Predicate<NodeComparison> test) {
            return (int) nodes.stream().filter(test).count();
        }
    }
}
