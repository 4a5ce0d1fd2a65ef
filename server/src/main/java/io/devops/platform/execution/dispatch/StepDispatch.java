package io.devops.platform.execution.dispatch;

import io.devops.platform.execution.logs.LogAppender;
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

    StepDispatch(List<Dispatcher> dispatchers, NodeTargets targets) {
        this.dispatchers = List.copyOf(dispatchers);
        this.targets = targets;
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
        return dispatcherOf(task).run(runId, task, free, workDir, out, cancelled).plus(locked);
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
