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
 * Runs one step on its nodes through the dispatcher its dispatch names (Ansible or the agents),
 * after asking the inventory for locks again: a node or pool locked after the run started is not
 * touched by any later step; it fails that step with the lock's words and drops out.
 */
@Component
public class StepDispatch {

    private final AnsibleDispatch ansible;
    private final AgentTaskDispatch agents;
    private final NodeTargets targets;

    StepDispatch(AnsibleDispatch ansible, AgentTaskDispatch agents, NodeTargets targets) {
        this.ansible = ansible;
        this.agents = agents;
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
        TaskOutcome outcome = "AGENT".equals(task.dispatch()) && "SHELL".equals(task.type())
                ? agents.run(runId, task, free, out, cancelled)
                : ansible.run(runId, task, free, workDir, out, cancelled);
        return outcome.plus(locked);
    }
}
