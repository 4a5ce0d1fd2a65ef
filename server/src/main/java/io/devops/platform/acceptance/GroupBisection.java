package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the planned groups, then bisects every low group until it names the slow node(s). A group is
 * as fast as its slowest member, so a passing group clears its nodes, and the suspects of a low group
 * are its members no passing group cleared. The bisection halves the suspects and runs one half
 * padded with cleared nodes up to the low group's size (the same scale, the same line): a passing
 * half is cleared, a low half is descended into, and the halves left untested on the way down run
 * together once at the end. One slow node among n suspects costs ceil(log2 n) + 1 runs. A node is
 * named slow only by a low run where every other node was cleared; a node the bisection could not
 * isolate (no cleared node to pad with, a run that failed, the run budget spent) never passes.
 */
final class GroupBisection {

    /** Runs one group's all_reduce and judges it against the line for its size; the next run depends on it. */
    interface GroupRunner {
        CheckResult run(NodeGroup group);
    }

    private final GroupRunner runner;
    private final Function<Long, String> names;
    private final int maxExtraRuns;
    private final List<GroupRun> runs = new ArrayList<>();
    private final Set<Long> cleared = new LinkedHashSet<>();
    private final Map<Long, CheckResult> named = new LinkedHashMap<>();
    private int extraRuns;

    private GroupBisection(GroupRunner runner, Function<Long, String> names, int maxExtraRuns) {
        this.runner = runner;
        this.names = names;
        this.maxExtraRuns = maxExtraRuns;
    }

    /** The most extra runs a pool of n nodes gets: room for two slow nodes in one group. */
    static int budget(int nodes) {
        return 2 * (ceilLog2(nodes) + 2);
    }

    static int ceilLog2(int n) {
        return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    static GroupOutcome run(List<NodeGroup> plan, GroupRunner runner, Function<Long, String> names) {
        int nodes = plan.stream().flatMap(group -> group.nodes().stream()).collect(Collectors.toSet()).size();
        return run(plan, runner, names, budget(nodes));
    }

    static GroupOutcome run(List<NodeGroup> plan, GroupRunner runner, Function<Long, String> names, int maxExtraRuns) {
        GroupBisection bisection = new GroupBisection(runner, names, maxExtraRuns);
        bisection.runPlanned(plan);
        bisection.bisectLowGroups();
        return new GroupOutcome(List.copyOf(bisection.runs), bisection.verdicts(plan), bisection.extraRuns);
    }

    private void runPlanned(List<NodeGroup> plan) {
        plan.forEach(group -> record(group, runner.run(group), 0, List.of()));
        runs.stream().filter(GroupRun::passes).forEach(run -> cleared.addAll(run.group().nodes()));
        runs.replaceAll(run -> run.low() ? run.withSuspects(uncleared(run.group().nodes())) : run);
    }

    /** Smallest low group first: its suspects are fewest, and naming them often explains the larger ones. */
    private void bisectLowGroups() {
        List<GroupRun> low = runs.stream().filter(GroupRun::low).sorted(Comparator.comparingInt(run -> run.group().size())).toList();
        for (GroupRun run : low) {
            List<Long> members = run.group().nodes();
            if (members.stream().anyMatch(named::containsKey)) {
                continue;
            }
            List<Long> suspects = uncleared(members);
            if (suspects.isEmpty()) {
                members.forEach(node -> isolate(node, notIsolated(run, "run " + describe(run) + " was low although each of its nodes passed in"
                        + " another group: the fabric between them, or a flaky result")));
                continue;
            }
            descend(suspects, run);
        }
    }

    /** Bisects {@code suspects}, all of the uncleared nodes of the low run {@code low}. */
    private void descend(List<Long> suspects, GroupRun low) {
        int size = low.group().size();
        List<Long> untested = new ArrayList<>();
        List<Long> current = suspects;
        GroupRun lastLow = low;
        while (current.size() > 1) {
            List<Long> half = current.subList(0, current.size() / 2);
            GroupRun tried = tryRun(half, size, low.group().scale());
            if (tried == null || !(tried.passes() || tried.low())) {
                giveUp(current, tried, low);
                giveUp(untested, tried, low);
                return;
            }
            if (tried.passes()) {
                cleared.addAll(half);
                current = current.subList(half.size(), current.size());
            } else {
                untested.addAll(current.subList(half.size(), current.size()));
                current = half;
                lastLow = tried;
            }
        }
        convict(current.get(0), lastLow);
        if (!untested.isEmpty()) {
            retest(untested, low);
        }
    }

    /** The halves left untested on the way down, in one run: cleared together, or bisected in turn. */
    private void retest(List<Long> untested, GroupRun low) {
        GroupRun tried = tryRun(untested, low.group().size(), low.group().scale());
        if (tried != null && tried.passes()) {
            cleared.addAll(untested);
        } else if (tried != null && tried.low()) {
            descend(untested, tried);
        } else {
            giveUp(untested, tried, low);
        }
    }

    /** Runs the suspects padded with cleared nodes up to {@code size}; null when that makes no group of 2, or the budget is spent. */
    private GroupRun tryRun(List<Long> suspects, int size, GroupScale scale) {
        List<Long> nodes = new ArrayList<>(suspects);
        cleared.stream().filter(node -> !nodes.contains(node)).limit(Math.max(0, size - suspects.size())).forEach(nodes::add);
        if (nodes.size() < 2 || extraRuns >= maxExtraRuns) {
            return null;
        }
        extraRuns++;
        NodeGroup group = new NodeGroup(scale, nodes);
        return record(group, runner.run(group), extraRuns, suspects);
    }

    private GroupRun record(NodeGroup group, CheckResult result, int round, List<Long> suspects) {
        GroupRun run = new GroupRun(runs.size() + 1, group, result, round, suspects);
        runs.add(run);
        return run;
    }

    private void convict(Long node, GroupRun low) {
        named.put(node, low.result().as(CheckVerdict.FAIL, "named slow by the bisection: run " + describe(low)
                + " was low with every other node cleared by a passing run: " + low.result().message(), FailureReason.THRESHOLD));
    }

    private void giveUp(List<Long> nodes, GroupRun failed, GroupRun low) {
        String why = failed == null
                ? (extraRuns >= maxExtraRuns ? "the bisection stopped after " + extraRuns + " extra runs"
                        : "no node cleared by a passing group to run it with")
                : "run " + describe(failed) + " did not measure: " + failed.result().message();
        nodes.forEach(node -> isolate(node, failed != null && !failed.low() && !failed.passes()
                ? CheckResult.error(low.result().check(), "could not be isolated in low run " + describe(low) + ": " + why)
                : notIsolated(low, why)));
    }

    private CheckResult notIsolated(GroupRun low, String why) {
        return low.result().as(CheckVerdict.FAIL, "could not be isolated in low run " + describe(low) + ": " + why
                + "; " + low.result().message(), FailureReason.THRESHOLD);
    }

    private void isolate(Long node, CheckResult verdict) {
        named.putIfAbsent(node, verdict);
    }

    private List<Long> uncleared(List<Long> nodes) {
        return nodes.stream().filter(node -> !cleared.contains(node) && !named.containsKey(node)).toList();
    }

    private String describe(GroupRun run) {
        return "#" + run.number() + " (" + run.group().scale() + " " + run.group().nodes().stream().map(names)
                .collect(Collectors.joining(", ")) + ")";
    }

    /**
     * Each node's verdict: named slow or not isolated by the bisection; otherwise the worst of its runs
     * that were not low (every low run is explained by a node named in it), and PASS only from a run
     * that passed.
     */
    private Map<Long, CheckResult> verdicts(List<NodeGroup> plan) {
        Map<Long, CheckResult> verdicts = new LinkedHashMap<>();
        plan.stream().flatMap(group -> group.nodes().stream()).distinct().forEach(node -> verdicts.put(node, verdictOf(node)));
        return verdicts;
    }

    private CheckResult verdictOf(Long node) {
        if (named.containsKey(node)) {
            return named.get(node);
        }
        GroupRun worst = null;
        for (GroupRun run : runs) {
            if (run.group().nodes().contains(node) && !run.low()
                    && (worst == null || run.result().verdict().worse(worst.result().verdict()) != worst.result().verdict())) {
                worst = run;
            }
        }
        if (worst == null) {
            return CheckResult.missingEvidence(NcclAllReduceMultiCheck.NAME, "no group run judged this node");
        }
        return worst.result().renamed(worst.result().check(), "group run " + describe(worst) + ": " + worst.result().message());
    }
}
