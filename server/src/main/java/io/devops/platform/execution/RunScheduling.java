package io.devops.platform.execution;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands a queued run to db-scheduler once the transaction that created it has committed. The
 * scheduling runs outside any transaction: db-scheduler reaches the database through a
 * transaction-aware proxy, so after a commit it would otherwise write into the finished
 * transaction's connection, committed only when Spring cleans it up, after db-scheduler's
 * immediate wake-up had looked for the run and missed it (the run then waited for the next poll,
 * up to {@code db-scheduler.polling-interval}).
 */
@Component
class RunScheduling {

    private final SchedulerClient scheduler;
    private final TransactionTemplate outsideTransactions;
    private final Clock clock;

    RunScheduling(SchedulerClient scheduler, PlatformTransactionManager transactions, Clock clock) {
        this.scheduler = scheduler;
        this.outsideTransactions = new TransactionTemplate(transactions);
        this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
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
        outsideTransactions.executeWithoutResult(status -> scheduler.scheduleIfNotExists(instance(runId), clock.instant()));
    }
}
