package io.devops.platform.execution;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.devops.platform.execution.settings.ExecutionProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A run is one db-scheduler execution named by the run id: any instance may pick it up, its
 * heartbeat shows it is alive, and a dead instance's execution reaches {@link RunRecovery}.
 */
@Configuration(proxyBeanMethods = false)
class RunExecutionTask {

    static final String NAME = "run-execution";

    @Bean
    CustomTask<Void> runExecution(RunEngine engine, RunRecovery recovery, ExecutionProperties properties, Clock clock) {
        return Tasks.custom(NAME, Void.class)
                .onDeadExecution((complete, operations) -> {
                    recovery.interruptDead(runId(complete.getExecution().taskInstance.getId()));
                    operations.remove();
                })
                .onFailure((complete, operations) -> {
                    recovery.failUnexpectedly(runId(complete.getExecution().taskInstance.getId()), complete.getCause().orElse(null));
                    operations.remove();
                })
                .execute((instance, context) -> switch (engine.execute(runId(instance.getId()))) {
                    case DONE -> new CompletionHandler.OnCompleteRemove<>();
                    case WAIT -> (complete, operations) -> operations.reschedule(complete, clock.instant().plus(properties.leaseRetry()));
                    // The execution's row is gone (recovery removed it) or is the run's new execution: a resume
                    // schedules the run afresh, so the new row can have the version this one had, and a removal
                    // by version would delete it, leaving the new execution unwatched by the dead-execution check.
                    case LOST -> (complete, operations) -> { };
                });
    }

    private static long runId(String instanceId) {
        return Long.parseLong(instanceId);
    }
}
