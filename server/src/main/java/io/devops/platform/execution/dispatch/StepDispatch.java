package io.devops.platform.execution.dispatch;

import io.devops.platform.execution.logs.LogAppender;
import io.devops.platform.execution.run.RunOptionsStore;
import io.devops.platform.execution.run.RunContents.HostResult;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunContents.RunTask;
import io.devops.platform.execution.run.RunStatus;
import io.devops.platform.inventory.NodeTargets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;

/**
 * Runs one step on its nodes through the {@link Dispatcher} that takes it (Ansible or the agents),
 * after asking the inventory for locks again: a node or pool locked after the run started is not
 * touched by any later step; it fails that step with the lock's words and drops out.
 */
@Component
public class StepDispatch {

    private final List<Dispatcher> dispatchers;
    private final NodeTargets targets;
    private final RunOptionsStore options;

    StepDispatch(List<Dispatcher> dispatchers, NodeTargets targets, RunOptionsStore options) {
        this.dispatchers = List.copyOf(dispatchers);
        this.targets = targets;
        this.options = options;
    }

    public TaskOutcome run(long runId, RunTask task, List<RunNode> nodes, Path workDir, LogAppender out, BooleanSupplier cancelled) {
        Map<Long, String> locks = targets.locksOn(nodes.stream().map(RunNode::nodeId).toList());
        List<RunNode> free = new ArrayList<>();
        List<HostResult> locked = new ArrayList<>();
        for (RunNode node : nodes) {
            String lock = locks.get(node.nodeId());
            if (lock == null) {
                free.add(node);
            } else {
                out.line("[platform] " + node.ip() + ": not run, " + lock);
                locked.add(new HostResult(node.nodeId(), node.ip(), RunStatus.FAILED, null, 0, 0, 0, 0, 0L, "not run: " + lock));
            }
        }
        if (free.isEmpty()) {
            return new TaskOutcome(RunStatus.FAILED, null, "not run: every node of the step is locked", locked);
        }
        Integer batchSize = options.of(runId).batchSize();
        if (batchSize != null && !(dispatcherOf(task) instanceof AnsibleDispatch) && free.size() > batchSize) {
            return inBatches(runId, task, free, batchSize, workDir, out, cancelled).plus(locked);
        }
        return dispatcherOf(task).run(runId, task, free, workDir, out, cancelled).plus(locked);
    }

    /**
     * The agents' step {@code batchSize} nodes at a time, each batch once the one before has ended
     * (Ansible's own steps do the same with {@code serial}); a cancel stops before the next batch.
     */
    private TaskOutcome inBatches(long runId, RunTask task, List<RunNode> nodes, int batchSize, Path workDir, LogAppender out,
                                  BooleanSupplier cancelled) {
        List<HostResult> hosts = new ArrayList<>();
        RunStatus status = RunStatus.SUCCEEDED;
        String message = null;
        for (int from = 0; from < nodes.size(); from += batchSize) {
            List<RunNode> batch = nodes.subList(from, Math.min(nodes.size(), from + batchSize));
            out.line("[platform] batch " + (from / batchSize + 1) + ": " + batch.size() + " node(s)");
            TaskOutcome outcome = dispatcherOf(task).run(runId, task, batch, workDir, out, cancelled).covering(batch);
            hosts.addAll(outcome.hosts());
            if (outcome.status() != RunStatus.SUCCEEDED && status != RunStatus.CANCELLED) {
                status = outcome.status();
                message = outcome.message();
            }
            if (outcome.status() == RunStatus.CANCELLED) {
                break;
            }
        }
        return new TaskOutcome(status, null, message, hosts);
    }

    /** Stops on the nodes what the step left there when this instance was killed (see {@link Leftovers}). */
    void stopLeftovers(long runId, RunTask task, List<RunNode> nodes, Path workDir, LogAppender out) {
        dispatcherOf(task).stopLeftovers(runId, task, nodes, workDir, out);
    }

    private Dispatcher dispatcherOf(RunTask task) {
        return dispatchers.stream().filter(dispatcher -> dispatcher.takes(task)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no dispatcher runs a " + task.type() + " step dispatched "
                        + task.dispatch()));
    }
}
