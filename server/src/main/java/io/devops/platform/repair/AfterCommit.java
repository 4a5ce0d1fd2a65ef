package io.devops.platform.repair;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Runs a step once the current transaction has committed (at once without one): a worker must see the rows. */
final class AfterCommit {

    private AfterCommit() {
    }

    static void run(Runnable step) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            step.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                step.run();
            }
        });
    }
}
