package io.devops.platform.execution.compare;

import io.devops.platform.acceptance.AcceptanceVerdicts.NodeVerdict;
import io.devops.platform.catalog.PlannedStep;
import io.devops.platform.execution.run.RunContents.HostResult;
import io.devops.platform.execution.run.RunContents.RunItem;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunContents.RunTask;
import io.devops.platform.execution.run.RunRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run as the comparison reads it: its steps in order, each named so that the same step of
 * another run (or of another version of the job) finds it, each node's cell per step, and the
 * node's acceptance verdicts.
 */
public final class RunSide {

    private final RunRecord run;
    private final List<StepKey> steps = new ArrayList<>();
    private final Map<Long, RunNode> nodes = new LinkedHashMap<>();
    private final Map<Long, Map<StepKey, StepCell>> cells = new HashMap<>();
    private final Map<Long, List<NodeVerdict>> verdicts = new HashMap<>();

    public RunSide(RunRecord run, List<RunItem> items, Map<Long, List<HostResult>> results, List<NodeVerdict> verdicts) {
        this.run = run;
        Map<String, Integer> seen = new HashMap<>();
        for (RunItem item : items) {
            item.nodes().forEach(node -> nodes.putIfAbsent(node.nodeId(), node));
            for (RunTask task : item.tasks()) {
                Map<Long, HostResult> byNode = new HashMap<>();
                results.getOrDefault(task.id(), List.of()).forEach(result -> byNode.put(result.nodeId(), result));
                for (PlannedStep step : task.steps()) {
                    String name = item.templateName() + " › " + step.name();
                    StepKey key = new StepKey(name, seen.merge(name, 1, Integer::sum));
                    steps.add(key);
                    item.nodes().forEach(node -> cells.computeIfAbsent(node.nodeId(), id -> new HashMap<>())
                            .put(key, StepCell.of(byNode.get(node.nodeId()))));
                }
            }
        }
        verdicts.forEach(verdict -> this.verdicts.computeIfAbsent(verdict.nodeId(), id -> new ArrayList<>()).add(verdict));
    }

    RunRecord run() {
        return run;
    }

    public long id() {
        return run.id();
    }

    /** Whether the node was a target of any of the run's items. */
    public boolean targets(long nodeId) {
        return nodes.containsKey(nodeId);
    }

    List<StepKey> steps() {
        return steps;
    }

    Map<Long, RunNode> nodes() {
        return nodes;
    }

    /** The node's cell of the step, or null where the node was not a target of the step's item. */
    StepCell cell(long nodeId, StepKey step) {
        return cells.getOrDefault(nodeId, Map.of()).get(step);
    }

    List<NodeVerdict> verdictsOf(long nodeId) {
        return verdicts.getOrDefault(nodeId, List.of());
    }

    /** A step by its item's template and its own name; the second of two equal names is #2. */
    record StepKey(String name, int occurrence) {

        String label() {
            return occurrence == 1 ? name : name + " #" + occurrence;
        }
    }
}
