package io.devops.platform.repair;

import io.devops.platform.execution.ScheduledRuns;
import io.devops.platform.job.JobParameter;
import io.devops.platform.job.JobSpec;
import io.devops.platform.job.JobsAsCode;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Starts a repaired node's re-acceptance: a run of the built-in "GPU acceptance checks" template on
 * that node alone, with exactly the policy's checks switched on (the gpu_acceptance role's boolean
 * per check), so it shows on the run pages like any run. The job is one per node, a new version each
 * time. The lifecycle follows the run: REPAIR → TESTING → READY or FAILED_TESTING.
 */
@Component
class Reacceptance {

    static final String TEMPLATE = "GPU acceptance checks";
    /** The checks the gpu_acceptance role can switch, each by its variable gpu_acceptance_&lt;check&gt;. */
    static final List<String> CHECKS = List.of("gpu_inventory", "pcie", "ecc", "row_remap", "xid", "nvlink", "fabric_manager",
            "dcgm_diag", "nvbandwidth", "nccl_all_reduce", "ib_write_bw", "gpu_stress");

    private final JobsAsCode jobs;
    private final ScheduledRuns runs;

    Reacceptance(JobsAsCode jobs, ScheduledRuns runs) {
        this.jobs = jobs;
        this.runs = runs;
    }

    /** The checks of {@code checks} the role cannot run; re-acceptance is refused while there is one. */
    static List<String> unknown(List<String> checks) {
        return checks.stream().filter(check -> !CHECKS.contains(check)).toList();
    }

    /** @return the run's id */
    long start(String nodeIp, List<String> checks, String starter) {
        List<JobParameter> switches = CHECKS.stream().map(check -> new JobParameter("gpu_acceptance_" + check, JobParameter.Type.BOOL,
                false, checks.contains(check), List.of(), "re-acceptance runs " + check + ": " + checks.contains(check))).toList();
        String name = "Re-acceptance of node " + nodeIp;
        jobs.saveJob(new JobSpec(name, "Started by the repair module after a repair; checks: " + String.join(", ", checks),
                "CONTINUE", switches, List.of(new JobSpec.Item(TEMPLATE, null, List.of(new JobSpec.Target(JobSpec.Target.NODE, nodeIp))))));
        return runs.startReacceptance(jobs.idOf(name).orElseThrow(), starter);
    }
}
