package io.devops.platform.repair;

import io.devops.platform.health.RepairRequested;
import io.devops.platform.shared.PlatformException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Follows {@link RepairRequested} after the commit that drained the node: the attempt is recorded
 * first (in a transaction of its own, so that a crash cannot lose it), then carried on its thread.
 */
@Component
class RepairFollower {

    private static final Logger LOG = LoggerFactory.getLogger(RepairFollower.class);

    private final RepairLedger ledger;
    private final RepairThreads threads;
    private final Clock clock;

    RepairFollower(RepairLedger ledger, RepairThreads threads, Clock clock) {
        this.ledger = ledger;
        this.threads = threads;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RepairRequested requested) {
        try {
            long id = ledger.open(new RepairLedger.NewRepair(requested.nodeId(),
                    new Condition(requested.component(), requested.code(), requested.subject() == null ? "-" : requested.subject()),
                    requested.healthEventId(), requested.actions(), requested.escalateAfterRepairs(), requested.reacceptanceChecks(),
                    requested.actor(), requested.reason(), requested.policyId(), requested.policyVersion(), RepairStatus.PENDING),
                    clock.instant());
            AfterCommit.run(() -> threads.carry(id));
        } catch (PlatformException refused) {
            LOG.warn("Repair of node {} not recorded: {}", requested.nodeId(), refused.getMessage());
        }
    }
}
