package io.devops.platform.execution;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Hands a queued run to db-scheduler once the transaction that created it has committed. */
@Component
class RunScheduling {

    private final SchedulerClient scheduler;
    private final Clock clock;

    RunScheduling(SchedulerClient scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    static TaskInstance<Void> instance(long runId) {
        return new TaskInstance<>(RunExecutionTask.NAME, String.valueOf(runId));
    }

    void scheduleAfterCommit(long runId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    schedule(runId);
                }
            });
        } else {
            schedule(runId);
        }
    }

    private void schedule(long runId) {
        scheduler.scheduleIfNotExists(instance(runId), clock.instant());
    }
}
