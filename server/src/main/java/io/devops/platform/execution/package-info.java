/**
 * Execution: runs of job versions. Planning (snapshot and locks), node leases, durable execution
 * through db-scheduler, dispatch of each internal task, per-host results, logs, reports,
 * cancellation and recovery. Public API: {@link io.devops.platform.execution.RunEnded} (published once
 * when a run reaches a final status), {@link io.devops.platform.execution.RunAwaitsApproval} (published when a
 * run waits for a second person) and {@link io.devops.platform.execution.RunOutcomes} (how a run
 * ended: status, duration, the nodes that failed and where).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Execution",
        allowedDependencies = {"shared", "identity", "inventory", "catalog", "job", "ansible", "credentials", "agentgateway", "acceptance"})
package io.devops.platform.execution;
