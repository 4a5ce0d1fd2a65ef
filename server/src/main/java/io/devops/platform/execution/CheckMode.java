package io.devops.platform.execution;

import io.devops.platform.execution.logs.LogAppender;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunContents.RunTask;
import io.devops.platform.execution.run.RunFence;
import io.devops.platform.execution.run.RunStatus;
import io.devops.platform.execution.run.RunTransitions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dry run ({@code checkMode}): Ansible steps run with {@code --check}; a script cannot be dried,
 * so it is not run and says so (SKIPPED, never SUCCEEDED). Nothing of a dry run reaches a node's
 * acceptance or lifecycle: no report is collected or judged, and no acceptance event is sent.
 */
final class CheckMode {

    static final String NOT_RUN = "not run in check mode: a script cannot be dry-run";

    private CheckMode() {
    }

    /** Whether the step can run in check mode: only playbooks (Ansible's --check). */
    static boolean canDryRun(RunTask task) {
        return "PLAYBOOK".equals(task.type());
    }

    static void notRun(RunTransitions transitions, RunFence owner, RunTask task, List<RunNode> nodes, LogAppender out, Instant at) {
        Map<Long, String> reasons = new LinkedHashMap<>();
        nodes.forEach(node -> reasons.put(node.nodeId(), NOT_RUN));
        out.line("[platform] step " + task.sequence() + " " + NOT_RUN + " (" + nodes.size() + " node(s))");
        transitions.nodesSkipped(owner, task.id(), nodes, reasons, at);
        transitions.stepSkipped(owner, task.id(), NOT_RUN, at);
    }

    static String endingMessage(RunStatus ending) {
        return switch (ending) {
            case SUCCEEDED -> "check mode (dry run): no step found a failure; nothing was changed, script steps were not run";
            case CANCELLED -> "check mode (dry run), cancelled";
            default -> "check mode (dry run): at least one step failed its check on at least one node; nothing was changed";
        };
    }
}
