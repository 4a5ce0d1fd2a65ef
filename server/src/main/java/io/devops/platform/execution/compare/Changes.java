package io.devops.platform.execution.compare;

import io.devops.platform.acceptance.AcceptanceVerdicts.NodeVerdict;
import io.devops.platform.execution.compare.RunSide.StepKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** One node of side a against one node of side b: its steps and its acceptance checks, each with what changed. */
final class Changes {

    static final String STATUS = "status";
    static final String DURATION = "duration";
    static final String MESSAGE = "message";
    static final String VERDICT = "verdict";
    static final String MEASURED = "measured";

    private Changes() {
    }

    /** Every step of either side, a's order first; a step a node was not a target of has no cell (null). */
    static List<StepChange> steps(RunSide a, long nodeA, RunSide b, long nodeB, Tolerance tolerance) {
        Set<StepKey> keys = new LinkedHashSet<>(a.steps());
        keys.addAll(b.steps());
        List<StepChange> changes = new ArrayList<>();
        for (StepKey key : keys) {
            StepCell left = a.cell(nodeA, key);
            StepCell right = b.cell(nodeB, key);
            if (left != null || right != null) {
                changes.add(step(key, left, right, tolerance));
            }
        }
        return changes;
    }

    private static StepChange step(StepKey key, StepCell a, StepCell b, Tolerance tolerance) {
        List<String> what = new ArrayList<>();
        if (a == null || b == null || !a.status().equals(b.status())) {
            what.add(STATUS);
        } else {
            if (tolerance.durationChanged(a.durationMs(), b.durationMs())) {
                what.add(DURATION);
            }
            if (!sameText(a.message(), b.message())) {
                what.add(MESSAGE);
            }
        }
        return new StepChange(key.label(), a, b, !what.isEmpty(), what);
    }

    /** Each check's verdicts in the order judged; the second verdict of a check (a second step) is paired with the second. */
    static List<CheckChange> checks(List<NodeVerdict> a, List<NodeVerdict> b, Tolerance tolerance) {
        Map<StepKey, CheckCell> left = cells(a);
        Map<StepKey, CheckCell> right = cells(b);
        Set<StepKey> keys = new LinkedHashSet<>(left.keySet());
        keys.addAll(right.keySet());
        return keys.stream().map(key -> check(key, left.get(key), right.get(key), tolerance)).toList();
    }

    private static Map<StepKey, CheckCell> cells(List<NodeVerdict> verdicts) {
        Map<String, Integer> seen = new HashMap<>();
        Map<StepKey, CheckCell> cells = new LinkedHashMap<>();
        verdicts.forEach(verdict -> cells.put(new StepKey(verdict.result().check(), seen.merge(verdict.result().check(), 1, Integer::sum)),
                CheckCell.of(verdict.result())));
        return cells;
    }

    private static CheckChange check(StepKey key, CheckCell a, CheckCell b, Tolerance tolerance) {
        List<String> what = new ArrayList<>();
        if (a == null || b == null || !a.verdict().equals(b.verdict())) {
            what.add(VERDICT);
        } else if (tolerance.measureChanged(a.measured(), b.measured())) {
            what.add(MEASURED);
        }
        return new CheckChange(key.label(), a, b, !what.isEmpty(), what);
    }

    /** Messages that differ only in spacing are the same message. */
    private static boolean sameText(String a, String b) {
        return Objects.equals(normal(a), normal(b));
    }

    private static String normal(String text) {
        return text == null || text.isBlank() ? null : text.strip().replaceAll("\\s+", " ");
    }
}
