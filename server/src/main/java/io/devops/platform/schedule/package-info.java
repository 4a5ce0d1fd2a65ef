/**
 * Schedules: a job's cron expression in a time zone (or fixed interval), the preview of its next
 * starts, and the poller that starts its runs exactly once across the cluster, with the overlap and
 * missed-start policies. Runs are started through {@link io.devops.platform.execution.ScheduledRuns}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Schedules",
        allowedDependencies = {"shared", "identity", "job", "execution"})
package io.devops.platform.schedule;
