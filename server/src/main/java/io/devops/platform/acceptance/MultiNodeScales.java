package io.devops.platform.acceptance;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A multi-node all_reduce at scales, as the execution side drives it: plans pairs, groups of k and
 * the pool over the step's nodes, has the launcher run each group (and each group the bisection
 * asks for next), judges every output with {@link NcclAllReduceMultiCheck} at that group's size,
 * stores the group table and answers each node's verdict. The server decides which nodes run
 * together; the launcher only runs mpirun over the host list it is given.
 */
@Component
public class MultiNodeScales {

    /** The check whose reports are judged at scales. */
    public static final String CHECK = NcclAllReduceMultiCheck.NAME;

    /** Runs all_reduce_perf through mpirun over these nodes (in this order) on the launcher; answers the report as written. */
    public interface GroupLauncher {
        GroupReport run(List<Long> nodes);
    }

    /** A group's report as the launcher wrote it, or why there is none (the run failed, the report did not arrive). */
    public record GroupReport(String output, String missingReason) {

        public static GroupReport of(String output) {
            return new GroupReport(output, null);
        }

        public static GroupReport missing(String reason) {
            return new GroupReport(null, reason);
        }
    }

    /** The step whose nodes run at scales, and what the inventory declares for its GPUs (null when not declared). */
    public record ScaledStep(long runId, Long taskId, List<Long> nodes, Function<Long, String> names, String gpuType, Integer gpuCount) {
    }

    private final NcclAllReduceMultiCheck check;
    private final AcceptanceGroups groups;
    private final Clock clock;
    private final int groupSize;

    MultiNodeScales(NcclAllReduceMultiCheck check, AcceptanceGroups groups, Clock clock,
                    @Value("${devops.acceptance.nccl-group-size:" + GroupPlanner.DEFAULT_GROUP_SIZE + "}") int groupSize) {
        this.check = check;
        this.groups = groups;
        this.clock = clock;
        this.groupSize = groupSize;
    }

    /** Each node's verdict of the step, after every group run is stored in the run's group table. */
    public Map<Long, CheckResult> judge(ScaledStep step, GroupLauncher launcher) {
        GroupOutcome outcome = outcome(step, launcher);
        groups.record(step.runId(), step.taskId(), outcome.runs(), clock.instant());
        return outcome.verdicts();
    }

    GroupOutcome outcome(ScaledStep step, GroupLauncher launcher) {
        return GroupBisection.run(GroupPlanner.plan(step.nodes(), groupSize), group -> judgeGroup(step, group, launcher.run(group.nodes())),
                step.names());
    }

    /**
     * The one place a group's output meets its line (model, group size, fabric): a baseline line slots in here.
     * A group without a report measured nothing: MISSING_EVIDENCE, which the bisection never takes for a speed.
     */
    private CheckResult judgeGroup(ScaledStep step, NodeGroup group, GroupReport report) {
        if (report.output() == null) {
            return CheckResult.missingEvidence(NcclAllReduceMultiCheck.NAME, "no report from the group's run: " + report.missingReason());
        }
        return check.judge(report.output(), new NodeContext(step.gpuType(), step.gpuCount(), group.size()));
    }
}
