package io.devops.platform.execution.run;

import io.devops.platform.catalog.PlannedStep;
import io.devops.platform.execution.run.RunContents.HostResult;
import io.devops.platform.execution.run.RunContents.RunItem;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunContents.RunTask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each node's cell for each step users composed, told from the rows of the tasks they were
 * compiled into. A row stands for all the steps of its task (one playbook), so a node that stopped
 * at one of them shows the earlier ones succeeded and the later ones not run. A node with no row in
 * a step never reached it: once the run has ended, or once an earlier step did not succeed on it,
 * its cell says so and why ({@link NotRun}); only a live run leaves a cell open (no entry).
 */
final class StepCells {

    /** Why a node did not run a step. */
    enum NotRun {
        /** An earlier step (or an earlier part of the same playbook) did not succeed on this node. */
        EARLIER_STEP_FAILED,
        /** The run stopped (a failure elsewhere under the "stop" policy, or the engine failed) before the step reached the node. */
        RUN_STOPPED,
        CANCELLED,
        INTERRUPTED
    }

    /** A node's cell of one step: its status, why it did not run (null when it did), and the row it comes from. */
    record Cell(long nodeId, String ip, RunStatus status, NotRun notRun, String message, HostResult row) {
    }

    private static final Set<RunStatus> OPEN = Set.of(RunStatus.QUEUED, RunStatus.RUNNING);

    private StepCells() {
    }

    /** By task id, then by step sequence: the cells of each step, in node order. */
    static Map<Long, Map<Integer, List<Cell>>> of(RunItem item, Map<Long, List<HostResult>> results, RunStatus runStatus) {
        Map<Long, Map<Integer, List<Cell>>> cells = new HashMap<>();
        for (RunTask task : item.tasks()) {
            Map<Integer, List<Cell>> bySteps = new HashMap<>();
            task.steps().forEach(step -> bySteps.put(step.sequence(), new ArrayList<>()));
            cells.put(task.id(), bySteps);
        }
        for (RunNode node : item.nodes()) {
            Cell stoppedAt = null;
            for (RunTask task : item.tasks()) {
                HostResult row = results.getOrDefault(task.id(), List.of()).stream()
                        .filter(result -> result.nodeId() == node.nodeId()).findFirst().orElse(null);
                for (PlannedStep step : task.steps()) {
                    Optional<Cell> cell = cell(node, task, step, row, stoppedAt, runStatus);
                    cell.ifPresent(cells.get(task.id()).get(step.sequence())::add);
                    if (stoppedAt == null && cell.isPresent() && !OPEN.contains(cell.get().status())
                            && cell.get().status() != RunStatus.SUCCEEDED) {
                        stoppedAt = cell.get();
                    }
                }
            }
        }
        return cells;
    }

    private static Optional<Cell> cell(RunNode node, RunTask task, PlannedStep step, HostResult row, Cell stoppedAt,
                                       RunStatus runStatus) {
        if (row != null && row.status() == RunStatus.SKIPPED) {
            return Optional.of(new Cell(node.nodeId(), node.ip(), RunStatus.SKIPPED, NotRun.EARLIER_STEP_FAILED, row.message(), row));
        }
        if (row != null && stoppedAt != null && stoppedAt.row() == row && knownStop(task, row)) {
            return Optional.of(notRun(node, after(stoppedAt), "not run: the node stopped at an earlier step of the same"
                    + " playbook (" + stoppedAt.status() + ")", row));
        }
        if (row != null) {
            return Optional.of(ownCell(node, task, step, row));
        }
        if (stoppedAt != null && stoppedAt.notRun() != null) {
            return Optional.of(notRun(node, stoppedAt.notRun(), stoppedAt.message(), null));
        }
        if (stoppedAt != null) {
            return Optional.of(notRun(node, after(stoppedAt),
                    "not run: an earlier step did not succeed on this node (" + stoppedAt.status() + ")", null));
        }
        if (!runStatus.isFinal()) {
            return Optional.empty();
        }
        return Optional.of(switch (runStatus) {
            case CANCELLED -> notRun(node, NotRun.CANCELLED, "not run: the run was cancelled before this step reached the node", null);
            case INTERRUPTED -> notRun(node, NotRun.INTERRUPTED, "not run: the run was interrupted before this step reached the node",
                    null);
            default -> notRun(node, NotRun.RUN_STOPPED, "not run: the run stopped before this step reached the node", null);
        });
    }

    /**
     * The node's own row, for one of the steps of its task: with several steps, a node that stopped
     * at a known step succeeded the ones before it (Ansible went on past them) and shows the row there.
     */
    private static Cell ownCell(RunNode node, RunTask task, PlannedStep step, HostResult row) {
        if (knownStop(task, row) && step.sequence() < row.stoppedStep()) {
            return new Cell(node.nodeId(), node.ip(), RunStatus.SUCCEEDED, null, null, null);
        }
        return new Cell(node.nodeId(), node.ip(), row.status(), null, row.message(), row);
    }

    /** Whether the row tells at which of its task's steps the node stopped (a step of that task, else nothing is told apart). */
    private static boolean knownStop(RunTask task, HostResult row) {
        boolean stopped = !OPEN.contains(row.status()) && row.status() != RunStatus.SUCCEEDED;
        return task.steps().size() > 1 && stopped && row.stoppedStep() != null
                && task.steps().stream().anyMatch(step -> step.sequence() == row.stoppedStep());
    }

    /** Why the steps after the one where a node stopped did not run on it. */
    private static NotRun after(Cell stoppedAt) {
        return switch (stoppedAt.status()) {
            case CANCELLED -> NotRun.CANCELLED;
            case INTERRUPTED -> NotRun.INTERRUPTED;
            default -> NotRun.EARLIER_STEP_FAILED;
        };
    }

    private static Cell notRun(RunNode node, NotRun why, String message, HostResult row) {
        return new Cell(node.nodeId(), node.ip(), RunStatus.SKIPPED, why, message, row);
    }
}
