/**
 * Execution: runs of job versions. Planning (snapshot and locks), node leases, durable execution
 * through db-scheduler, dispatch of each internal task, per-host results, logs, reports,
 * cancellation and recovery.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Execution",
        allowedDependencies = {"shared", "identity", "inventory", "catalog", "job", "ansible", "credentials", "agentgateway", "acceptance"})
package io.devops.platform.execution;
